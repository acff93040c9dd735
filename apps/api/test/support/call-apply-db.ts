/**
 * Applying call events straight through the applier (no HTTP, no processor): a seeded database per test file with
 * one of our voice numbers, services that never reach Telnyx, and call events parsed from Telnyx-shaped payloads.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { seedDemo } from "@app/db/seed";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { applyCallEvent } from "@app/telnyx-core/calls/apply-call-event";
import type { ApplyOutcome, ApplyServices, Tx } from "@app/telnyx-core/webhooks/apply-types";
import { parseWebhookEvent, type KnownTelnyxEvent } from "@app/telnyx-core/webhooks/parse-event";

export interface CallApplyDb {
  readonly db: TestDb;
  readonly organizationId: string;
  /** Applies the event in `tx` within the demo organization's scope. */
  apply(tx: Tx, event: KnownTelnyxEvent): Promise<ApplyOutcome>;
}

/** Registers beforeAll/afterAll: a fresh seeded database whose demo organization owns `ourNumber`. */
export function useCallApplyDb(ourNumber: string): CallApplyDb {
  let db: TestDb | undefined;
  let organizationId = "";
  beforeAll(async () => {
    db = await createTestDb();
    const seed = await seedDemo(db, { hashPassword: async (p) => `plain:${p}` });
    organizationId = seed.organization.id;
    await db.prisma.telnyxPhoneNumber.create({
      data: { organizationId, phoneNumber: ourNumber, countryCode: "US", status: "ACTIVE", features: ["voice"] },
    });
  });
  afterAll(() => db?.drop());
  const services = {
    gatewayFor: () => Promise.reject(new Error("no gateway here")),
    recordingsDir: "/tmp",
    recordingPolicy: { allowedHosts: [], trustedPrefixes: [], requireHttps: true, maxBytes: 0, timeoutMs: 1 },
    publisher: { toOrganization: () => undefined, toUser: () => undefined },
  } as unknown as ApplyServices;
  return {
    get db() {
      if (!db) throw new Error("useCallApplyDb: the database is opened in beforeAll");
      return db;
    },
    get organizationId() {
      return organizationId;
    },
    apply(tx, event) {
      return applyCallEvent(tx, event, { ...services, db: this.db }, { organizationIds: [organizationId] });
    },
  };
}

/** A call or conference webhook as Telnyx sends it, parsed. */
export function callEvent(type: string, at: Date, payload: Record<string, unknown>): KnownTelnyxEvent {
  const parsed = parseWebhookEvent({
    data: { event_type: type, id: randomUUID(), occurred_at: at.toISOString(), record_type: "event", payload },
    meta: { attempt: 1 },
  });
  if (!parsed.ok || parsed.event.kind === "unknown") throw new Error(`not a known call event: ${type}`);
  return parsed.event;
}
