/**
 * Credential connections (the SIP/WebRTC side of an account) and on-demand telephony credentials, one per agent,
 * from which short-lived login tokens are minted. Creates are never retried (no dedup key at Telnyx).
 */
import type { Telnyx } from "telnyx";
import { AppError } from "../errors/app-error";
import { compact, type GatewayContext } from "./gateway-context";

export type CredentialConnection = Telnyx.CredentialConnection;
export type TelephonyCredential = Telnyx.TelephonyCredential;

export interface CredentialConnectionInput {
  connectionName: string;
  userName: string;
  password: string;
  webhookEventUrl?: string;
  webhookEventFailoverUrl?: string | null;
  /** Who may call `<user>@sip.telnyx.com`: `internal` = connections of this account only. */
  sipUriCallingPreference?: "disabled" | "unrestricted" | "internal";
  active?: boolean;
}

export interface CredentialsApi {
  listCredentialConnections(): Promise<CredentialConnection[]>;
  createCredentialConnection(input: CredentialConnectionInput): Promise<CredentialConnection>;
  updateCredentialConnection(
    id: string,
    data: { connectionName?: string; active?: boolean },
  ): Promise<CredentialConnection>;
  deleteCredentialConnection(id: string): Promise<void>;
  listTelephonyCredentials(filter: { connectionId: string; tag?: string }): Promise<TelephonyCredential[]>;
  createTelephonyCredential(input: { connectionId: string; name: string; tag?: string }): Promise<TelephonyCredential>;
  deleteTelephonyCredential(id: string): Promise<void>;
  /** A JWT login token for a WebRTC client (valid 24 h at most; read its `exp`). */
  createLoginToken(credentialId: string): Promise<string>;
}

export function createCredentialsApi(ctx: GatewayContext): CredentialsApi {
  const { client, run, collect, noRetry } = ctx;
  const connection = "credential connection";
  const credential = "telephony credential";
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new AppError("TELNYX_ERROR", `Telnyx answered without the ${what}`);
    return value;
  };
  return {
    listCredentialConnections: () =>
      collect(connection, () => client.credentialConnections.list({ "page[size]": 250 })),
    async createCredentialConnection(input) {
      const body = compact({
        connection_name: input.connectionName,
        user_name: input.userName,
        password: input.password,
        webhook_event_url: input.webhookEventUrl,
        webhook_event_failover_url: input.webhookEventFailoverUrl,
        webhook_api_version: "2" as const,
        sip_uri_calling_preference: input.sipUriCallingPreference,
        active: input.active,
      });
      const response = await run(connection, () => client.credentialConnections.create(body, noRetry));
      return required(response.data, connection);
    },
    async updateCredentialConnection(id, data) {
      const body = compact({ connection_name: data.connectionName, active: data.active });
      const response = await run(connection, () => client.credentialConnections.update(id, body));
      return required(response.data, connection);
    },
    async deleteCredentialConnection(id) {
      await run(connection, () => client.credentialConnections.delete(id));
    },
    listTelephonyCredentials: (filter) =>
      collect(credential, () =>
        client.telephonyCredentials.list({
          filter: compact({ resource_id: `connection:${filter.connectionId}`, tag: filter.tag }),
          "page[size]": 250,
        }),
      ),
    async createTelephonyCredential(input) {
      const body = compact({ connection_id: input.connectionId, name: input.name, tag: input.tag });
      const response = await run(credential, () => client.telephonyCredentials.create(body, noRetry));
      return required(response.data, credential);
    },
    async deleteTelephonyCredential(id) {
      await run(credential, () => client.telephonyCredentials.delete(id));
    },
    async createLoginToken(credentialId) {
      const token = await run(credential, () => client.telephonyCredentials.createToken(credentialId));
      if (typeof token !== "string" || token.split(".").length !== 3)
        throw new AppError("TELNYX_ERROR", "Telnyx answered without a login token for the softphone.");
      return token.trim();
    },
  };
}
