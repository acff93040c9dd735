/**
 * Webhook processor apply rate, isolated from HTTP: N verified events are put in the inbox of a
 * fresh database and the real processor drains them (no sockets: a counting publisher). Shows how
 * many events/s the apply path sustains on each database — the ceiling for live latency.
 */
import { randomUUID } from "node:crypto";
import { createTestDb, type TestDb } from "../packages/db/src/test-db";
import { seedDemo } from "../packages/db/src/seed";
import type { Publisher } from "../packages/telnyx-core/src/realtime/events";
import { createInboxWriter } from "../apps/api/src/webhooks/inbox-writer";
import { createWebhookProcessor } from "../apps/api/src/webhooks/webhook-processor";
import { messageReceivedBody } from "./webhook-bench";
import type { RecordingFetchPolicy } from "../packages/telnyx-core/src/calls/recording-fetch";

/** The bench applies no recording.saved: nothing is ever fetched. */
const NO_RECORDINGS: RecordingFetchPolicy = {
  allowedHosts: [],
  trustedPrefixes: [],
  requireHttps: true,
  maxBytes: 0,
  timeoutMs: 1,
};

const DEMO_NUMBER = "+13125550100";

export type ProcessorScenario = "sms" | "calls";

/** An inbound call's lifecycle as Telnyx sends it: initiated → answered → hangup (3 events per call). */
export function inboundCallBodies(i: number, to = DEMO_NUMBER): string[] {
  const callControlId = `v3:bench-${i}-${randomUUID()}`;
  const session = randomUUID();
  const from = `+1415555${String(1000 + (i % 8000)).padStart(4, "0")}`;
  const base = {
    call_control_id: callControlId,
    call_leg_id: randomUUID(),
    call_session_id: session,
    connection_id: "bench-connection",
    from,
    to,
  };
  const start = Date.now();
  const at = (offsetMs: number) => new Date(start + offsetMs).toISOString();
  const event = (type: string, offsetMs: number, payload: Record<string, unknown>) =>
    JSON.stringify({
      data: {
        event_type: type,
        id: randomUUID(),
        occurred_at: at(offsetMs),
        record_type: "event",
        payload: { ...base, ...payload },
      },
      meta: { attempt: 1 },
    });
  return [
    event("call.initiated", 0, { direction: "incoming", state: "parked", start_time: at(0) }),
    event("call.answered", 1000, { start_time: at(0) }),
    event("call.hangup", 30_000, {
      start_time: at(0),
      end_time: at(30_000),
      hangup_cause: "normal_clearing",
      hangup_source: "caller",
      sip_hangup_cause: "200",
    }),
  ];
}

export interface ProcessorBenchResult {
  scenario: ProcessorScenario;
  backend: "postgres" | "pglite";
  events: number;
  seconds: number;
  perSecond: number;
  published: number;
  /** CPU time of this (the API's) process per applied event: independent of other load on the machine. */
  cpuMsPerEvent: number;
}

/** The demo organization's id: the events arrive on its own endpoint, as Telnyx delivers them. */
async function prepare(db: TestDb): Promise<string> {
  const seed = await seedDemo(db, { hashPassword: async (p) => `plain:${p}` });
  await db.prisma.telnyxPhoneNumber.create({
    data: {
      organizationId: seed.organization.id,
      phoneNumber: DEMO_NUMBER,
      countryCode: "US",
      status: "ACTIVE",
      features: ["sms", "voice"],
    },
  });
  return seed.organization.id;
}

export async function runProcessorBench(
  backend: "postgres" | "pglite",
  events: number,
  scenario: ProcessorScenario = "sms",
): Promise<ProcessorBenchResult> {
  const db = await createTestDb(backend);
  try {
    const organizationId = await prepare(db);
    const inbox = createInboxWriter(db);
    const writes: Promise<boolean>[] = [];
    const bodies =
      scenario === "sms"
        ? Array.from({ length: events }, (_, i) =>
            messageReceivedBody(`apply ${i}`, `+1415555${String(1000 + (i % 8000)).padStart(4, "0")}`),
          )
        : Array.from({ length: Math.ceil(events / 3) }, (_, i) => inboundCallBodies(i))
            .flat()
            .slice(0, events);
    for (const body of bodies) {
      const data = (JSON.parse(body) as { data: { id: string; event_type: string; occurred_at: string } }).data;
      writes.push(
        inbox.write({
          id: data.id,
          organizationId,
          eventType: data.event_type,
          occurredAt: new Date(data.occurred_at),
          body,
          state: "PENDING",
        }),
      );
    }
    await Promise.all(writes);
    let published = 0;
    const count = (): void => {
      published += 1;
    };
    const publisher: Publisher = { toOrganization: count, toUser: count };
    // Follow-up Telnyx commands (answering an inbound call) fail here on purpose: no gateway. Only the apply path is measured.
    const log = {
      error: (obj: unknown, msg: string) => void (msg === "webhook follow-up failed" || console.error(msg, obj)),
      warn: (obj: unknown, msg: string) => console.warn(msg, obj),
    };
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const processor = createWebhookProcessor({
      db,
      services: {
        gatewayFor: () => Promise.reject(new Error("no gateway in this bench")),
        recordingsDir: "/tmp",
        recordingPolicy: NO_RECORDINGS,
        db,
        publisher,
      },
      log,
    });
    await processor.drain();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    await processor.stop();
    const [counted] = await db.query<{ applied: number }>(
      `SELECT count(*)::int AS applied FROM "WebhookEvent" WHERE "state" = 'PROCESSED'`,
    );
    const applied = counted?.applied ?? 0;
    if (applied !== events) throw new Error(`processor bench: ${applied}/${events} events applied`);
    return {
      scenario,
      backend,
      events,
      seconds,
      perSecond: events / seconds,
      published,
      cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / events,
    };
  } finally {
    await db.drop();
  }
}

if (process.argv[1]?.endsWith("processor-bench.ts")) {
  const events = Number(process.env.BENCH_APPLY_EVENTS ?? 5000);
  for (const scenario of (process.env.BENCH_SCENARIOS ?? "sms,calls").split(",") as ProcessorScenario[]) {
    for (const backend of (process.env.BENCH_BACKENDS ?? "postgres,pglite").split(",") as Array<
      "postgres" | "pglite"
    >) {
      console.log(await runProcessorBench(backend, events, scenario));
    }
  }
}
