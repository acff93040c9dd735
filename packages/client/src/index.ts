/**
 * @app/client — the typed API of the Telnyx CRM for internal tools (Node 20+ scripts, browsers):
 *   const crm = createTelnyxCrmClient({ url: process.env.CRM_URL, token: process.env.CRM_TOKEN });
 *   await crm.trpc.calls.list.query({ limit: 10 });
 *   crm.live.on("call:updated", (call) => console.log(call.status));
 *   // A create that may be retried (calls, SMS, leads, numbers, tokens): one key per action, reused on retry.
 *   const idempotencyKey = newIdempotencyKey();
 *   await crm.trpc.messages.send.mutate({ to: "+12125550142", text: "Hi", idempotencyKey });
 * Server types come in as `import type` only: nothing of the API runs in the tool's process.
 */
import { createTRPCClient, httpBatchLink, TRPCClientError, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import { MAX_TRPC_BATCH_SIZE, MAX_TRPC_URL_LENGTH } from "@app/telnyx-core/api/batch-limits";
import { newIdempotencyKey } from "@app/telnyx-core/api/idempotency-key";
import type { AppRouter, RouterInputs, RouterOutputs } from "@app/api/router";
import { createLiveConnection, type LiveConnection } from "./live-events";
import type { ManagerOptions, SocketOptions } from "socket.io-client";

export type { AppRouter, RouterInputs, RouterOutputs };
export type { CatchupSignal, LiveConnection, LiveError, LiveEventMap, LiveEventName } from "./live-events";
export type {
  TCallDto,
  TMessageDto,
  TReadyEvent,
  ServerEventName,
  ServerEventPayload,
} from "@app/telnyx-core/realtime/events";
export { TRPCClientError };
/**
 * A key for one action (a UUID): pass it as `idempotencyKey` to calls.create, messages.send, leads.create,
 * numbers.purchase or tokens.create, and again when retrying that action; within 24 h the API answers the first
 * result instead of acting twice (another body with the same key: IDEMPOTENCY_KEY_REUSED).
 */
export { newIdempotencyKey };

export interface TelnyxCrmClientOptions {
  /** Base URL of the API, e.g. http://localhost:4000 (no trailing /trpc). */
  url: string;
  /** An API token from Settings → API tokens (tcrm_…). */
  token: string;
  /** Custom fetch (default: the global fetch of Node 20+ / the browser). */
  fetch?: typeof globalThis.fetch;
  /** Extra socket.io options for the live connection (e.g. a proxy agent, transports). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

export interface TelnyxCrmClient {
  trpc: TRPCClient<AppRouter>;
  live: LiveConnection;
  close(): void;
}

export function createTelnyxCrmClient(options: TelnyxCrmClientOptions): TelnyxCrmClient {
  if (!options.url) throw new Error("createTelnyxCrmClient: `url` is required (e.g. http://localhost:4000).");
  if (!options.token)
    throw new Error("createTelnyxCrmClient: `token` is required (create one in Settings → API tokens).");
  const url = options.url.replace(/\/+$/, "");
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        transformer: superjson,
        maxURLLength: MAX_TRPC_URL_LENGTH,
        maxItems: MAX_TRPC_BATCH_SIZE,
        headers: () => ({ authorization: `Bearer ${options.token}` }),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
  const live = createLiveConnection({ url, token: options.token, socketOptions: options.socketOptions });
  return { trpc, live, close: () => live.close() };
}

/** The API's error code (RATE_LIMITED, OPTED_OUT, NOT_FOUND...) of a failed call, if any. */
export function appErrorCodeOf(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data = (error as TRPCClientError<AppRouter>).data as { appCode?: string } | undefined;
  return data?.appCode;
}
