import type { Db } from "@app/db/open-db";
import type { AuthContext } from "../auth/auth-context";
import type { LoginLimiter } from "../auth/login-limiter";
import type { Realtime } from "../realtime/realtime";
import type { TelnyxAccess } from "../telnyx/telnyx-access";
import type { SecretBox } from "@app/telnyx-core/settings/secret-box";
import type { BackgroundTasks } from "../jobs/background-tasks";
import type { WebhookEndpoints } from "../webhooks/webhook-endpoints";

/** What every request can reach: built once at start, shared by tRPC, REST and sockets. */
export interface ApiDeps {
  db: Db;
  config: {
    sessionTtlHours: number;
    secureCookies: boolean;
    recordingsDir: string;
    /** Base URL Telnyx reaches this API at (expected webhook URLs); resolved late, the port is known after listen. */
    publicUrl: () => string;
  };
  loginLimiter: LoginLimiter;
  telnyx: TelnyxAccess;
  /** Per-organization webhook endpoints (token → organization, cached; rotation invalidates). */
  webhookEndpoints: WebhookEndpoints;
  realtime?: Realtime;
  /** Seals organization secrets (APP_ENCRYPTION_KEY); null when the key is not configured. */
  secretBox?: SecretBox | null;
  /** Work started by a request and not awaited (manual sync). */
  background?: BackgroundTasks;
}

/** The session cookie, abstracted so procedures run the same under Fastify and createCaller. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
  read(): string | undefined;
}

export interface Context extends ApiDeps {
  auth: AuthContext | null;
  ip: string;
  userAgent?: string;
  cookies: SessionCookieJar;
  /** The `x-kiosk-token` header: honoured only by wallboard.snapshot (kioskOrSupervisorProcedure). */
  kioskToken?: string;
  /** Fastify's request id: in every log line of the request and in 500 answers. */
  requestId?: string;
}

export function createMemoryCookieJar(initial?: string): SessionCookieJar & { value?: string } {
  const jar: SessionCookieJar & { value?: string } = {
    value: initial,
    set(token) {
      jar.value = token;
    },
    clear() {
      jar.value = undefined;
    },
    read() {
      return jar.value;
    },
  };
  return jar;
}

/** Context without any HTTP framework: tests call this directly. */
export function createContextInner(input: {
  deps: ApiDeps;
  auth: AuthContext | null;
  ip?: string;
  userAgent?: string;
  cookies?: SessionCookieJar;
  kioskToken?: string;
  requestId?: string;
}): Context {
  return {
    ...input.deps,
    auth: input.auth,
    ip: input.ip ?? "127.0.0.1",
    userAgent: input.userAgent,
    cookies: input.cookies ?? createMemoryCookieJar(),
    kioskToken: input.kioskToken,
    requestId: input.requestId,
  };
}
