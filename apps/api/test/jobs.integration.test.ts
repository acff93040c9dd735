/**
 * Scheduled jobs: two API instances (two schedulers, each with its own database connections on
 * PostgreSQL) ticking at the same moment run the hourly sync exactly once; a run that outlasts its
 * hour is not overlapped; daily retention archives six-month-old calls and messages (kept, still
 * counted) and purges 30-day-old webhook events, idempotently; croner actually fires the timers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@app/db/open-db";
import { startSandbox, type Sandbox } from "@app/telnyx-sandbox/server";
import {
  createApiJobs,
  DAILY_RETENTION_JOB,
  HOURLY_SYNC_JOB,
  NUMBER_ORDER_POLL_JOB,
  SOFTPHONE_REVOKE_JOB,
} from "../src/jobs/api-jobs";
import { createScheduler, type Scheduler } from "../src/jobs/scheduler";
import { START_RECONCILE_JOB } from "../src/jobs/reconcile-job";
import { restoreSandboxWorld, seedDemoTelnyx } from "../src/telnyx/embedded-sandbox";
import { createSandboxAccess } from "../src/telnyx/telnyx-access";
import { setupTestApi, type TestApi } from "./harness";

const silent = { info() {}, error() {} };
let sandbox: Sandbox;
let api: TestApi;
let secondDb: Db;
let instanceA: Scheduler;
let instanceB: Scheduler;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 0 });
  api = await setupTestApi({ telnyx: createSandboxAccess(sandbox) });
  await seedDemoTelnyx(api.db, api.demo.organization.id);
  await restoreSandboxWorld(api.db, sandbox, "https://crm.example.com");
  // A second instance has its own pool on the same PostgreSQL database; PGlite is one process, one connection.
  secondDb = api.db.databaseUrl
    ? await openDb({ databaseUrl: api.db.databaseUrl, migrate: false, poolMax: 3 })
    : api.db;
  const schedulerOn = (db: Db, instance: string) =>
    createScheduler({
      db,
      instance,
      log: silent,
      jobs: createApiJobs({ db, telnyx: api.deps.telnyx, pollNumberOrders: async () => ({}) }),
    });
  instanceA = schedulerOn(api.db, "api-a");
  instanceB = schedulerOn(secondDb, "api-b");
});
afterAll(async () => {
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
  if (secondDb && secondDb !== api.db) await secondDb.close();
  await api?.close();
  await sandbox?.close();
});

const hourlyRuns = () =>
  api.db.prisma.syncRun.findMany({ where: { trigger: "hourly" }, orderBy: { startedAt: "asc" } });

describe("hourly sync election", () => {
  it("runs exactly once when two instances tick at the same moment", async () => {
    const tick = new Date("2030-01-01T10:07:00.004Z");
    const outcomes = await Promise.all([
      instanceA.trigger(HOURLY_SYNC_JOB, tick),
      instanceB.trigger(HOURLY_SYNC_JOB, tick),
    ]);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);

    const runs = await hourlyRuns();
    expect(runs).toHaveLength(1); // the demo organization; the second one has no Telnyx resources
    expect(runs[0]).toMatchObject({ organizationId: api.demo.organization.id, status: "SUCCEEDED" });
    const jobRuns = await api.db.prisma.jobRun.findMany({ where: { job: HOURLY_SYNC_JOB } });
    expect(jobRuns).toEqual([
      expect.objectContaining({
        slot: "2030-01-01T10",
        status: "SUCCEEDED",
        details: { organizations: 1, succeeded: 1, failed: 0, skipped: 0 },
      }),
    ]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "sync.run", targetId: runs[0]!.id },
    });
    expect(audit).toMatchObject({ userId: null, details: { trigger: "hourly" } });
  });

  it("does not run again in the same hour, on either instance, and runs once the next hour", async () => {
    const later = await Promise.all([
      instanceA.trigger(HOURLY_SYNC_JOB, new Date("2030-01-01T10:59:59Z")),
      instanceB.trigger(HOURLY_SYNC_JOB, new Date("2030-01-01T10:30:00Z")),
    ]);
    expect(later).toEqual([{ ran: false }, { ran: false }]);
    const nextHour = new Date("2030-01-01T11:07:00Z");
    const outcomes = await Promise.all([
      instanceB.trigger(HOURLY_SYNC_JOB, nextHour),
      instanceA.trigger(HOURLY_SYNC_JOB, nextHour),
    ]);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(await hourlyRuns()).toHaveLength(2);
  });

  it("waits for a database connection held by a long transaction (PGlite has one) instead of losing the slot", async () => {
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const busy = api.db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        holding();
        await new Promise((resolve) => setTimeout(resolve, 3_000)); // longer than Prisma's default 2 s maxWait
      },
      { timeout: 10_000 },
    );
    await held;
    const outcome = await instanceA.trigger(HOURLY_SYNC_JOB, new Date("2030-01-01T14:07:00Z"));
    await busy;
    expect(outcome).toMatchObject({ ran: true, ok: true });
  });

  it("does not overlap a run still in progress with the next hour's", async () => {
    const stuck = await api.db.prisma.jobRun.create({
      data: { job: HOURLY_SYNC_JOB, slot: "2030-01-01T12", instance: "api-a" },
    });
    expect(await instanceB.trigger(HOURLY_SYNC_JOB, new Date("2030-01-01T13:07:00Z"))).toEqual({ ran: false });
    await api.db.prisma.jobRun.update({
      where: { id: stuck.id },
      data: { status: "SUCCEEDED", finishedAt: new Date() },
    });
    expect(await instanceB.trigger(HOURLY_SYNC_JOB, new Date("2030-01-01T13:07:00Z"))).toMatchObject({
      ran: true,
      ok: true,
    });
  });
});

describe("daily retention", () => {
  const day = 86_400_000;

  it("archives calls and messages older than six months (kept and counted) and purges old webhook events, idempotently", async () => {
    const organizationId = api.demo.organization.id;
    const now = new Date("2030-08-31T03:17:00Z");
    const old = new Date("2030-02-27T12:00:00Z"); // before Feb 28, six months before Aug 31
    const recent = new Date("2030-03-01T12:00:00Z");
    const call = (createdAt: Date) => ({
      organizationId,
      direction: "OUTBOUND" as const,
      status: "ENDED" as const,
      fromNumber: "+13125550100",
      toNumber: "+14155550101",
      createdAt,
    });
    const message = (createdAt: Date) => ({
      organizationId,
      direction: "OUTBOUND" as const,
      status: "DELIVERED" as const,
      fromNumber: "+13125550100",
      toNumber: "+14155550101",
      counterpartNumber: "+14155550101",
      text: "hi",
      createdAt,
    });
    await api.db.prisma.telnyxCall.createMany({ data: [call(old), call(old), call(recent)] });
    await api.db.prisma.telnyxMessage.createMany({ data: [message(old), message(recent)] });
    const event = (id: string, receivedAt: Date) => ({
      id,
      eventType: "message.finalized",
      occurredAt: receivedAt,
      receivedAt,
      state: "PROCESSED" as const,
      payload: {},
    });
    await api.db.prisma.webhookEvent.createMany({
      data: [
        event("evt-old-1", new Date(now.getTime() - 31 * day)),
        event("evt-old-2", new Date(now.getTime() - 45 * day)),
        event("evt-recent", new Date(now.getTime() - 29 * day)),
      ],
    });

    const first = await instanceA.trigger(DAILY_RETENTION_JOB, now);
    expect(first).toMatchObject({
      ran: true,
      ok: true,
      details: { archivedCalls: 2, archivedMessages: 1, purgedWebhookEvents: 2 },
    });
    const archivedCalls = await api.db.prisma.telnyxCall.findMany({ where: { archivedAt: { not: null } } });
    expect(archivedCalls.map((row) => row.createdAt.toISOString())).toEqual([old.toISOString(), old.toISOString()]);
    expect(await api.db.prisma.telnyxCall.count({ where: { organizationId, createdAt: { gte: old, lt: now } } })).toBe(
      3,
    ); // still there for reports
    expect((await api.db.prisma.webhookEvent.findMany()).map((row) => row.id)).toEqual(["evt-recent"]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "retention.archive", organizationId },
    });
    expect(audit).toMatchObject({ userId: null, details: { calls: 2, messages: 1 } });

    // The same day on the other instance: already done. The next day: nothing left to do, first archive date kept.
    expect(await instanceB.trigger(DAILY_RETENTION_JOB, new Date(now.getTime() + 60_000))).toEqual({ ran: false });
    const second = await instanceB.trigger(DAILY_RETENTION_JOB, new Date(now.getTime() + day));
    expect(second).toMatchObject({
      ran: true,
      ok: true,
      details: { archivedCalls: 0, archivedMessages: 0, purgedWebhookEvents: 0 },
    });
    const again = await api.db.prisma.telnyxCall.findMany({ where: { archivedAt: { not: null } } });
    expect(again.map((row) => row.archivedAt!.toISOString())).toEqual([now.toISOString(), now.toISOString()]);
    expect(await api.db.prisma.auditLog.count({ where: { action: "retention.archive" } })).toBe(1);
  });
});

describe("timers", () => {
  it("fires jobs from their cron schedule, and stop() waits for the tick in progress", async () => {
    let started!: (at: Date) => void;
    let release!: () => void;
    const tickStarted = new Promise<Date>((resolve) => (started = resolve));
    const scheduler = createScheduler({
      db: api.db,
      log: silent,
      instance: "timer-test",
      jobs: [
        {
          name: "test.every-second",
          schedule: "* * * * * *",
          slotOf: (at) => at.toISOString().slice(0, 19),
          async run(at) {
            started(at);
            await new Promise<void>((done) => (release = done));
            return { done: true };
          },
        },
      ],
    });
    scheduler.start();
    const at = await tickStarted;
    expect(at.getTime()).toBeGreaterThan(Date.now() - 60_000); // the tick's own time, not a stale or epoch date

    let isStopped = false;
    const stopping = scheduler.stop().then(() => (isStopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(isStopped).toBe(false); // still waiting for the run
    release();
    await stopping;
    const runs = await api.db.prisma.jobRun.findMany({ where: { job: "test.every-second" } });
    expect(runs).toEqual([
      expect.objectContaining({ status: "SUCCEEDED", instance: "timer-test", details: { done: true } }),
    ]);
  });

  it("a tick that fails rejects trigger() and the timer logs it, with no unhandled rejection left behind", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const errors: unknown[] = [];
    const scheduler = createScheduler({
      db: api.db,
      log: { info() {}, error: (object) => errors.push(object) },
      instance: "failing-test",
      jobs: [
        {
          name: "test.broken-slot",
          schedule: "* * * * * *",
          slotOf: () => {
            throw new Error("no slot today");
          },
          run: async () => ({}),
        },
      ],
    });
    try {
      await expect(scheduler.trigger("test.broken-slot")).rejects.toThrow("no slot today");
      scheduler.start();
      await expect.poll(() => errors.length, { timeout: 20_000 }).toBeGreaterThan(0);
      await scheduler.stop();
      await new Promise((resolve) => setTimeout(resolve, 50)); // unhandled rejections are reported on a later turn
      expect(unhandled).toEqual([]);
      expect(errors[0]).toMatchObject({ job: "test.broken-slot" });
    } finally {
      await scheduler.stop();
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("polls pending number orders and revokes softphones of members who left every minute; reconciles live calls only when triggered (at start)", () => {
    const jobs = createApiJobs({ db: api.db, telnyx: api.deps.telnyx });
    expect(jobs.map((job) => [job.name, job.schedule])).toEqual([
      [HOURLY_SYNC_JOB, "7 * * * *"],
      [DAILY_RETENTION_JOB, "17 3 * * *"],
      [NUMBER_ORDER_POLL_JOB, "* * * * *"],
      [SOFTPHONE_REVOKE_JOB, "* * * * *"],
      [START_RECONCILE_JOB, null],
    ]);
  });
});
