/**
 * Account-level resources: Call Control applications, messaging profiles, connections, recordings,
 * detail records and balance. Creating applications/profiles is never retried (no dedup key).
 */
import type { Telnyx } from "telnyx";
import { AppError } from "../errors/app-error";
import { compact, type GatewayContext } from "./gateway-context";
import { mapTelnyxError } from "./map-telnyx-error";

export type CallControlApplication = Telnyx.CallControlApplication;
export type MessagingProfile = Telnyx.MessagingMessagingProfile;
export type Connection = Telnyx.Connection;
export type DetailRecord = Telnyx.DetailRecordListResponse;
export type DetailRecordType = Telnyx.DetailRecordListParams.Filter["record_type"];

export interface CallControlApplicationInput {
  applicationName: string;
  webhookEventUrl: string;
  webhookEventFailoverUrl?: string | null;
  webhookTimeoutSecs?: number | null;
  /** Needed for call.cost webhooks. */
  callCostInWebhooks?: boolean;
  active?: boolean;
}

export interface MessagingProfileInput {
  name: string;
  /** ISO country codes or ["*"]; default ["*"]. */
  whitelistedDestinations?: string[];
  webhookUrl?: string | null;
  webhookFailoverUrl?: string | null;
  enabled?: boolean;
  /** Decimal string, USD. */
  dailySpendLimit?: string;
}

export interface Recording {
  id: string;
  callControlId?: string;
  callLegId?: string;
  callSessionId?: string;
  conferenceId?: string;
  channels?: "single" | "dual";
  durationMillis?: number;
  /** Pre-signed, short-lived (≈10 min): fetch when needed, do not store. */
  downloadUrls: { mp3?: string; wav?: string };
  recordingStartedAt?: string;
  recordingEndedAt?: string;
  status?: string;
}

export interface Balance {
  /** Decimal strings. */
  balance: string;
  availableCredit: string;
  creditLimit?: string;
  pending?: string;
  currency: string;
}

export interface AccountApi {
  listCallControlApplications(): Promise<CallControlApplication[]>;
  createCallControlApplication(input: CallControlApplicationInput): Promise<CallControlApplication>;
  updateCallControlApplication(id: string, data: Partial<CallControlApplicationInput>): Promise<CallControlApplication>;
  listMessagingProfiles(): Promise<MessagingProfile[]>;
  createMessagingProfile(input: MessagingProfileInput): Promise<MessagingProfile>;
  updateMessagingProfile(id: string, data: Partial<MessagingProfileInput>): Promise<MessagingProfile>;
  listConnections(): Promise<Connection[]>;
  listRecordings(filter?: {
    callControlId?: string;
    callSessionId?: string;
    createdAfter?: Date;
    createdBefore?: Date;
  }): Promise<Recording[]>;
  retrieveRecording(id: string): Promise<Recording>;
  listDetailRecords(filter: {
    recordType: DetailRecordType;
    dateRange?: Telnyx.DetailRecordListParams.Filter["date_range"];
  }): Promise<DetailRecord[]>;
  retrieveBalance(): Promise<Balance>;
  /** Cheap authenticated call (GET /balance, not retried) for Settings → "Test connection". */
  verifyApiKey(): Promise<{ ok: true } | { ok: false; error: AppError }>;
}

function toRecording(data: Telnyx.RecordingResponseData | undefined): Recording {
  if (!data?.id) throw new AppError("TELNYX_ERROR", "Telnyx answered without a recording id");
  return {
    id: data.id,
    callControlId: data.call_control_id,
    callLegId: data.call_leg_id,
    callSessionId: data.call_session_id,
    conferenceId: data.conference_id,
    channels: data.channels,
    durationMillis: data.duration_millis,
    downloadUrls: { mp3: data.download_urls?.mp3, wav: data.download_urls?.wav },
    recordingStartedAt: data.recording_started_at,
    recordingEndedAt: data.recording_ended_at,
    status: data.status,
  };
}

function applicationBody(data: Partial<CallControlApplicationInput>) {
  return compact({
    application_name: data.applicationName,
    webhook_event_url: data.webhookEventUrl,
    webhook_event_failover_url: data.webhookEventFailoverUrl,
    webhook_timeout_secs: data.webhookTimeoutSecs,
    call_cost_in_webhooks: data.callCostInWebhooks,
    active: data.active,
    webhook_api_version: "2" as const,
  });
}

function profileBody(data: Partial<MessagingProfileInput>) {
  return compact({
    name: data.name,
    whitelisted_destinations: data.whitelistedDestinations,
    webhook_url: data.webhookUrl,
    webhook_failover_url: data.webhookFailoverUrl,
    enabled: data.enabled,
    daily_spend_limit: data.dailySpendLimit,
    daily_spend_limit_enabled: data.dailySpendLimit === undefined ? undefined : true,
    webhook_api_version: "2" as const,
  });
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new AppError("TELNYX_ERROR", `Telnyx answered without the ${what}`);
  return value;
}

export function createAccountApi(ctx: GatewayContext): AccountApi {
  const { client, run, collect, noRetry } = ctx;
  const app = "Call Control application";
  const profile = "messaging profile";

  return {
    listCallControlApplications: () => collect(app, () => client.callControlApplications.list({ "page[size]": 250 })),
    async createCallControlApplication(input) {
      const body = {
        ...applicationBody(input),
        application_name: input.applicationName,
        webhook_event_url: input.webhookEventUrl,
      };
      const response = await run(app, () => client.callControlApplications.create(body, noRetry));
      return required(response.data, app);
    },
    async updateCallControlApplication(id, data) {
      // PATCH still requires application_name and webhook_event_url: fill them from the current app.
      let { applicationName, webhookEventUrl } = data;
      if (applicationName === undefined || webhookEventUrl === undefined) {
        const current = required((await run(app, () => client.callControlApplications.retrieve(id))).data, app);
        applicationName ??= current.application_name;
        webhookEventUrl ??= current.webhook_event_url;
      }
      const body = {
        ...applicationBody(data),
        application_name: applicationName ?? "",
        webhook_event_url: webhookEventUrl ?? "",
      };
      const response = await run(app, () => client.callControlApplications.update(id, body));
      return required(response.data, app);
    },
    listMessagingProfiles: () => collect(profile, () => client.messagingProfiles.list({ "page[size]": 250 })),
    async createMessagingProfile(input) {
      const body = {
        ...profileBody(input),
        name: input.name,
        whitelisted_destinations: input.whitelistedDestinations ?? ["*"],
      };
      const response = await run(profile, () => client.messagingProfiles.create(body, noRetry));
      return required(response.data, profile);
    },
    async updateMessagingProfile(id, data) {
      const response = await run(profile, () => client.messagingProfiles.update(id, profileBody(data)));
      return required(response.data, profile);
    },
    listConnections: () => collect("connection", () => client.connections.list({ "page[size]": 250 })),
    async listRecordings(filter = {}) {
      const createdAt = compact({ gte: filter.createdAfter?.toISOString(), lte: filter.createdBefore?.toISOString() });
      const query = compact({
        call_control_id: filter.callControlId,
        call_session_id: filter.callSessionId,
        created_at: Object.keys(createdAt).length > 0 ? createdAt : undefined,
      });
      const recordings = await collect("recording", () => client.recordings.list({ filter: query, "page[size]": 250 }));
      return recordings.map(toRecording);
    },
    async retrieveRecording(id) {
      const response = await run("recording", () => client.recordings.retrieve(id));
      return toRecording(response.data);
    },
    listDetailRecords: (filter) =>
      collect("detail records", () =>
        client.detailRecords.list({
          filter: compact({ record_type: filter.recordType, date_range: filter.dateRange }),
          "page[size]": 250,
        }),
      ),
    async retrieveBalance() {
      const data = required((await run("balance", () => client.balance.retrieve())).data, "balance");
      return compact({
        balance: data.balance ?? "0",
        availableCredit: data.available_credit ?? "0",
        creditLimit: data.credit_limit,
        pending: data.pending,
        currency: data.currency ?? "USD",
      });
    },
    async verifyApiKey() {
      try {
        await client.balance.retrieve(noRetry);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: mapTelnyxError(error, { apiKey: ctx.apiKey, resource: "balance" }) };
      }
    },
  };
}
