/**
 * Two instances applying events of one call at the same time (PostgreSQL: real concurrent transactions): the
 * second waits on the call's row lock, and must then derive the row from every signal the first committed —
 * not from what its own statement's snapshot saw before the lock was granted.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KnownTelnyxEvent } from "@app/telnyx-core/webhooks/parse-event";
import type { Tx } from "@app/telnyx-core/webhooks/apply-types";
import { callEvent, useCallApplyDb } from "./support/call-apply-db";

const OUR_NUMBER = "+13125550177";
const fixture = useCallApplyDb(OUR_NUMBER);
const apply = (event: KnownTelnyxEvent) => (tx: Tx) => fixture.apply(tx, event);

describe.skipIf(process.env.TEST_DB !== "postgres")("applying events of one call concurrently", () => {
  it("derives the row from the events committed while it waited for the call's lock", async () => {
    const start = new Date(Date.now() - 60_000);
    const at = (secs: number) => new Date(start.getTime() + secs * 1000);
    const leg = {
      call_control_id: `v3:race-${randomUUID()}`,
      call_leg_id: randomUUID(),
      from: "+14155550123",
      to: OUR_NUMBER,
    };
    await fixture.db.prisma.$transaction(
      apply(callEvent("call.initiated", at(0), { ...leg, direction: "incoming", state: "parked" })),
    );
    const answered = callEvent("call.answered", at(1), leg);
    const hangup = callEvent("call.hangup", at(30), {
      ...leg,
      end_time: at(30).toISOString(),
      hangup_cause: "normal_clearing",
      hangup_source: "caller",
    });

    let second: Promise<unknown> | undefined;
    await fixture.db.prisma.$transaction(
      async (tx) => {
        await apply(answered)(tx);
        // The other instance starts while this one holds the lock, and waits for it.
        second = fixture.db.prisma.$transaction(apply(hangup), { timeout: 20_000 });
        const deadline = Date.now() + 10_000;
        for (;;) {
          const [waiting] = await fixture.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if ((waiting?.n ?? 0) > 0) break;
          if (Date.now() > deadline) throw new Error("the second transaction never waited for the lock");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      { timeout: 20_000 },
    );
    await second;

    const call = await fixture.db.prisma.telnyxCall.findFirstOrThrow({
      where: { callControlId: leg.call_control_id },
      select: { status: true, durationSecs: true, answeredAt: true, _count: { select: { events: true } } },
    });
    expect(call).toEqual({ status: "ENDED", durationSecs: 29, answeredAt: at(1), _count: { events: 3 } });
  });
});
