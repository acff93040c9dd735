import { invalidParam, missingParam } from "../http/errors.js";
import type { Rng } from "../util/random.js";
import type { CallControlApp, CredentialConnection, MessagingProfile } from "./types.js";

export interface CallControlAppInput {
  application_name: string;
  webhook_event_url: string;
  webhook_event_failover_url?: string | null;
  webhook_api_version?: "1" | "2";
  webhook_timeout_secs?: number | null;
  call_cost_in_webhooks?: boolean;
  active?: boolean;
  tags?: string[];
  id?: string;
}

export interface MessagingProfileInput {
  name: string;
  whitelisted_destinations?: string[];
  webhook_url?: string | null;
  webhook_failover_url?: string | null;
  webhook_api_version?: "1" | "2" | "2010-04-01";
  enabled?: boolean;
  daily_spend_limit?: string;
  daily_spend_limit_enabled?: boolean;
  id?: string;
}

export interface CredentialConnectionInput {
  connection_name: string;
  user_name: string;
  password: string;
  webhook_event_url?: string | null;
  webhook_event_failover_url?: string | null;
  active?: boolean;
  tags?: string[];
  sip_uri_calling_preference?: "disabled" | "unrestricted" | "internal";
  anchorsite_override?: string;
  webhook_api_version?: "1" | "2";
  webhook_timeout_secs?: number | null;
  id?: string;
}

export function buildCallControlApp(rng: Rng, input: CallControlAppInput, now: string): CallControlApp {
  return {
    id: input.id ?? rng.numericId(),
    record_type: "call_control_application",
    application_name: input.application_name,
    webhook_event_url: input.webhook_event_url,
    webhook_event_failover_url: input.webhook_event_failover_url ?? null,
    webhook_api_version: input.webhook_api_version ?? "2",
    webhook_timeout_secs: input.webhook_timeout_secs ?? null,
    call_cost_in_webhooks: input.call_cost_in_webhooks ?? false,
    active: input.active ?? true,
    anchorsite_override: "Latency",
    dtmf_type: "RFC 2833",
    first_command_timeout: false,
    first_command_timeout_secs: 30,
    inbound: {
      channel_limit: null,
      shaken_stir_enabled: false,
      sip_subdomain: null,
      sip_subdomain_receive_settings: "from_anyone",
    },
    outbound: { channel_limit: null, outbound_voice_profile_id: null },
    redact_dtmf_debug_logging: false,
    tags: input.tags ?? [],
    created_at: now,
    updated_at: now,
  };
}

export function buildMessagingProfile(rng: Rng, input: MessagingProfileInput, now: string): MessagingProfile {
  return {
    id: input.id ?? rng.uuid(),
    record_type: "messaging_profile",
    name: input.name,
    enabled: input.enabled ?? true,
    webhook_url: input.webhook_url ?? null,
    webhook_failover_url: input.webhook_failover_url ?? null,
    webhook_api_version: input.webhook_api_version ?? "2",
    whitelisted_destinations: input.whitelisted_destinations ?? ["*"],
    daily_spend_limit: input.daily_spend_limit ?? "0",
    daily_spend_limit_enabled: input.daily_spend_limit_enabled ?? false,
    mms_fall_back_to_sms: false,
    mms_transcoding: false,
    mobile_only: false,
    number_pool_settings: null,
    url_shortener_settings: null,
    alpha_sender: null,
    organization_id: "sandbox-organization",
    v1_secret: rng.hex(24),
    created_at: now,
    updated_at: now,
  };
}

export function buildCredentialConnection(
  rng: Rng,
  input: CredentialConnectionInput,
  now: string,
): CredentialConnection {
  return {
    id: input.id ?? rng.numericId(),
    record_type: "credential_connection",
    connection_name: input.connection_name,
    user_name: input.user_name,
    password: input.password,
    active: input.active ?? true,
    anchorsite_override: input.anchorsite_override ?? "Latency",
    webhook_event_url: input.webhook_event_url ?? null,
    webhook_event_failover_url: input.webhook_event_failover_url ?? null,
    webhook_api_version: input.webhook_api_version ?? "2",
    webhook_timeout_secs: input.webhook_timeout_secs ?? null,
    sip_uri_calling_preference: input.sip_uri_calling_preference ?? "disabled",
    dtmf_type: "RFC 2833",
    encrypted_media: null,
    inbound: { channel_limit: null, codecs: ["G722", "G711U", "G711A", "G729", "OPUS", "H.264"] },
    outbound: { channel_limit: null, outbound_voice_profile_id: null },
    tags: input.tags ?? [],
    created_at: now,
    updated_at: now,
  };
}

/** Validates the writable fields shared by create and update of a call control application. */
export function checkAppFields(body: Record<string, unknown>, requireAll: boolean): void {
  for (const field of ["application_name", "webhook_event_url"]) {
    if (requireAll && (body[field] === undefined || body[field] === "")) throw missingParam(field);
  }
  for (const field of ["webhook_event_url", "webhook_event_failover_url"]) {
    const v = body[field];
    if (typeof v === "string" && v !== "" && !/^https?:\/\//.test(v))
      throw invalidParam(field, `'${field}' must be an http(s) URL.`);
  }
  const timeout = body["webhook_timeout_secs"];
  if (timeout !== undefined && timeout !== null && (typeof timeout !== "number" || timeout < 0 || timeout > 30)) {
    throw invalidParam("webhook_timeout_secs", "'webhook_timeout_secs' must be between 0 and 30.");
  }
}
