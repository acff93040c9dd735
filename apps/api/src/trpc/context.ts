import type { Db } from "@app/db/open-db";
import type { AuthContext } from "../auth/auth-context";
import type { LoginLimiter } from "../auth/login-limiter";
import type { Realtime } from "../realtime/realtime";
import type { TelnyxAccess } from "../telnyx/telnyx-access";
import type { SecretBox } from "@app/telnyx-core/settings/secret-box";
import type { BackgroundTasks } from "../jobs/background-tasks";
import type { WebhookEndpoints } from "../webhooks/webhook-endpoints";
import {
  systemClock,
  type DomainContext,
  type DomainLog,
  type DomainServices,
} from "@app/telnyx-core/domain/domain-context";
import { noopPublisher } from "@app/telnyx-core/realtime/events";

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
  /** The server's logger (domain warnings and errors); the console when absent (tests). */
  log?: DomainLog;
}

const consoleLog: DomainLog = {
  error: (obj, message) => console.error(message, obj),
  warn: (obj, message) => console.warn(message, obj),
};

/** The domain's dependencies, in the one shape domain code takes (a signed-in procedure adds the actor). */
export function domainServicesOf(deps: ApiDeps): DomainServices {
  return {
    db: deps.db,
    gatewayFor: (organizationId) => deps.telnyx.gatewayFor(organizationId),
    // No live channel (tests, scripts): events go nowhere, by choice made here rather than at each write.
    publisher: deps.realtime?.publisher ?? noopPublisher,
    clock: systemClock,
    log: deps.log ?? consoleLog,
  };
}

/** The session cookie, abstracted so procedures run the same under Fastify and createCaller. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
  read(): string | undefined;
}

export interface Context extends ApiDeps {
  auth: AuthContext | null;
  /** Built once per request; role procedures narrow it to `ctx.domain` (these plus the actor). */
  services: DomainServices;
  ip: string;
  userAgent?: string;
  cookies: SessionCookieJar;
  /** The `x-kiosk-token` header: honoured only by wallboard.snapshot (kioskOrSupervisorProcedure). */
  kioskToken?: string;
  /** Fastify's request id: in every log line of the request and in 500 answers. */
  requestId?: string;
}

/** What a role procedure sees: the session, and the domain context with the caller as its actor. */
export type SignedInContext = Context & { auth: AuthContext; domain: DomainContext };

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
    services: domainServicesOf(input.deps),
    ip: input.ip ?? "127.0.0.1",
    userAgent: input.userAgent,
    cookies: input.cookies ?? createMemoryCookieJar(),
    kioskToken: input.kioskToken,
    requestId: input.requestId,
  };
}
