/**
 * The call applier's typed SQL against the ORM's view of the same row: the live DTO it returns is the one
 * `callDtoSelect` reads (every column, the transfer and consultation ones included), the write stores every
 * derived column (the transfer columns re-derived from the signals), and the lock returns what the consultation
 * flows read.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callDtoSelect, toCallDto } from "@app/telnyx-core/calls/call-dto";
import { matchCall, type CallWebhookEvent } from "@app/telnyx-core/calls/call-match";
import type { KnownTelnyxEvent } from "@app/telnyx-core/webhooks/parse-event";
import { callEvent, useCallApplyDb } from "./support/call-apply-db";

const OUR_NUMBER = "+13125550178";
const fixture = useCallApplyDb(OUR_NUMBER);
const apply = (event: KnownTelnyxEvent) => fixture.db.prisma.$transaction((tx) => fixture.apply(tx, event));

describe("the call applier's SQL and the DTO", () => {
  it("returns every DTO column, writes every derived column, locks with the consultation's columns", async () => {
    const start = new Date(Date.now() - 60_000);
    const at = (secs: number) => new Date(start.getTime() + secs * 1000);
    const leg = {
      call_control_id: `v3:dto-${randomUUID()}`,
      call_leg_id: randomUUID(),
      from: "+14155550124",
      to: OUR_NUMBER,
    };
    await apply(callEvent("call.initiated", at(0), { ...leg, direction: "incoming", state: "parked" }));
    await apply(callEvent("call.answered", at(1), leg));
    const { id } = await fixture.db.prisma.telnyxCall.findFirstOrThrow({
      where: { callControlId: leg.call_control_id },
    });

    // A hand-off to a number joined the timeline, a consultation is under way, and the row's transfer columns
    // are stale: the next event must derive them from the signals.
    const transferred = { type: "transferred", to: "+13125550999", fromUserId: "agent-x", eventId: randomUUID() };
    await fixture.db.prisma.callEvent.create({
      data: {
        callId: id,
        eventId: transferred.eventId,
        eventType: "command.transferred",
        occurredAt: at(5),
        payload: { ...transferred, eventType: "command.transferred", at: at(5).toISOString(), leg: "agent" },
      },
    });
    await fixture.db.prisma.telnyxCall.update({
      where: { id },
      data: {
        consultUserId: "colleague-y",
        consultName: "Colleague Y",
        consultCallControlId: "v3:consult-leg",
        consultAnsweredAt: at(6),
      },
    });

    const bridged = callEvent("call.bridged", at(7), leg) as CallWebhookEvent;
    const match = await fixture.db.prisma.$transaction((tx) =>
      matchCall(tx, bridged, { organizationIds: [fixture.organizationId] }),
    );
    expect(match?.call).toMatchObject({ id, consultUserId: "colleague-y", consultCallControlId: "v3:consult-leg" });

    const outcome = await apply(bridged);
    const stored = await fixture.db.prisma.telnyxCall.findUniqueOrThrow({ where: { id }, select: callDtoSelect });
    expect(stored).toMatchObject({
      transferredAt: at(5),
      transferredTo: "+13125550999",
      transferredFromUserId: "agent-x",
    });
    const live = outcome.emits.find((e) => e.event === "call:updated")?.payload;
    expect(live).toEqual(toCallDto(stored));
    expect(live).toMatchObject({ status: "BRIDGED", consultName: "Colleague Y", consultAnsweredAt: at(6) });
  });
});
