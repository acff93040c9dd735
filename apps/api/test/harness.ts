/**
 * Integration-test harness: a fresh database (PGlite or PostgreSQL, from TEST_DB), both seeded
 * organizations, and a createCaller per seeded user, with the same context production builds.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDb } from "@app/db/test-db";
import { seedDemo, seedSecondOrg } from "@app/db/seed";
import type { Role } from "@app/db/client";
import { createLoginLimiter } from "../src/auth/login-limiter";
import { hashPassword } from "../src/auth/passwords";
import { hashToken } from "../src/auth/tokens";
import { appRouter } from "../src/trpc/app-router";
import { createUnconfiguredAccess, withOrganizationKeys, type TelnyxAccess } from "../src/telnyx/telnyx-access";
import { createSecretBox } from "@app/telnyx-core/settings/secret-box";
import { randomBytes } from "node:crypto";
import { createBackgroundTasks } from "../src/jobs/background-tasks";
import { createWebhookEndpoints } from "../src/webhooks/webhook-endpoints";
import { createContextInner, createMemoryCookieJar, type ApiDeps } from "../src/trpc/context";
import { createCallerFactory } from "../src/trpc/trpc";

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

// Seeding hashes passwords with argon2: reuse one hash so every test file does not pay for it.
let cachedHash: Promise<string> | undefined;
const fastHash = (plain: string) => (cachedHash ??= hashPassword(plain));

/** `encryptionKey`: APP_ENCRYPTION_KEY (default a random one; null = unset). */
export async function setupTestApi(options: { telnyx?: TelnyxAccess; encryptionKey?: string | null } = {}) {
  const db = await createTestDb();
  const demo = await seedDemo(db, { hashPassword: fastHash, hashToken });
  const other = await seedSecondOrg(db, { hashPassword: fastHash, hashToken });
  const deps: ApiDeps = {
    db,
    config: {
      sessionTtlHours: 1,
      secureCookies: false,
      recordingsDir: path.join(tmpdir(), `tcrm-recordings-${process.pid}`),
      publicUrl: () => "https://crm.example.com",
    },
    loginLimiter: createLoginLimiter(),
    telnyx: createUnconfiguredAccess(),
    webhookEndpoints: createWebhookEndpoints(db),
    secretBox:
      options.encryptionKey === null
        ? null
        : createSecretBox(options.encryptionKey ?? randomBytes(32).toString("base64")),
    background: createBackgroundTasks(),
  };
  deps.telnyx = withOrganizationKeys(options.telnyx ?? deps.telnyx, { db, secretBox: deps.secretBox });

  const callerFor = (user: { id: string }, organizationId: string, role: Role): Caller =>
    createCaller(createContextInner({ deps, auth: { userId: user.id, organizationId, role, via: "session" } }));

  return {
    db,
    deps,
    demo,
    other,
    anonymous: (cookies = createMemoryCookieJar()) => createCaller(createContextInner({ deps, auth: null, cookies })),
    asDemoAdmin: () => callerFor(demo.users.admin, demo.organization.id, "ADMIN"),
    asDemoSupervisor: () => callerFor(demo.users.supervisor, demo.organization.id, "SUPERVISOR"),
    asDemoAgent: () => callerFor(demo.users.agent1, demo.organization.id, "AGENT"),
    asOtherAdmin: () => callerFor(other.users.admin, other.organization.id, "ADMIN"),
    asOtherAgent: () => callerFor(other.users.agent, other.organization.id, "AGENT"),
    async close() {
      await db.drop();
    },
  };
}
export type TestApi = Awaited<ReturnType<typeof setupTestApi>>;
