/**
 * Webhook processor apply rate, isolated from HTTP: N verified events are put in the inbox of a
 * fresh database and the real processor drains them (no sockets: a counting publisher). Shows how
 * many events/s the apply path sustains on each database — the ceiling for live latency.
 */
import { createTestDb, type TestDb } from "../packages/db/src/test-db";
import { seedDemo } from "../packages/db/src/seed";
import type { Publisher } from "../packages/telnyx-core/src/realtime/events";
import { createInboxWriter } from "../apps/api/src/webhooks/inbox-writer";
import { createWebhookProcessor } from "../apps/api/src/webhooks/webhook-processor";
import { messageReceivedBody } from "./webhook-bench";

const DEMO_NUMBER = "+13125550100";

export interface ProcessorBenchResult {
  backend: "postgres" | "pglite";
  events: number;
  seconds: number;
  perSecond: number;
  published: number;
  /** CPU time of this (the API's) process per applied event: independent of other load on the machine. */
  cpuMsPerEvent: number;
}

async function prepare(db: TestDb): Promise<void> {
  const seed = await seedDemo(db, { hashPassword: async (p) => `plain:${p}` });
  await db.prisma.telnyxPhoneNumber.create({
    data: { organizationId: seed.organization.id, phoneNumber: DEMO_NUMBER, countryCode: "US", status: "ACTIVE", features: ["sms", "voice"] },
  });
}

export async function runProcessorBench(backend: "postgres" | "pglite", events: number): Promise<ProcessorBenchResult> {
  const db = await createTestDb(backend);
  try {
    await prepare(db);
    const inbox = createInboxWriter(db);
    const writes: Promise<boolean>[] = [];
    for (let i = 0; i < events; i += 1) {
      const body = messageReceivedBody(`apply ${i}`, `+1415555${String(1000 + (i % 8000)).padStart(4, "0")}`);
      const data = (JSON.parse(body) as { data: { id: string; event_type: string } }).data;
      writes.push(inbox.write({ id: data.id, eventType: data.event_type, occurredAt: new Date(), body, state: "PENDING" }));
    }
    await Promise.all(writes);
    let published = 0;
    const publisher: Publisher = { toOrganization: () => void (published += 1), toUser: () => void (published += 1) };
    const log = { error: (obj: unknown, msg: string) => console.error(msg, obj), warn: (obj: unknown, msg: string) => console.warn(msg, obj) };
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const processor = createWebhookProcessor({ db, services: { gatewayFor: () => Promise.reject(new Error("no gateway in this bench")), recordingsDir: "/tmp" }, publisher, log });
    await processor.drain();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    await processor.stop();
    const [{ applied }] = await db.query<{ applied: number }>(`SELECT count(*)::int AS applied FROM "TelnyxMessage"`);
    if (applied !== events) throw new Error(`processor bench: ${applied}/${events} messages applied`);
    return { backend, events, seconds, perSecond: events / seconds, published, cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / events };
  } finally {
    await db.drop();
  }
}

if (process.argv[1]?.endsWith("processor-bench.ts")) {
  const events = Number(process.env.BENCH_APPLY_EVENTS ?? 5000);
  for (const backend of (process.env.BENCH_BACKENDS ?? "postgres,pglite").split(",") as Array<"postgres" | "pglite">) {
    console.log(await runProcessorBench(backend, events));
  }
}
