import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { requireCall } from "./call-access";
import { callDtoSelect, toCallDto } from "./call-dto";
import type { TCallDetail } from "./call-schemas";
import { signalFromRow, summarizeSignal } from "./call-signal";
import { describeSignal } from "./describe-signal";

export const recordingRoute = (callId: string) => `/api/recordings/${callId}`;

/** A call with its timeline (one line per applied event or agent action). */
export async function getCall(options: { db: Db; actor: Actor; id: string }): Promise<TCallDetail> {
  const { db, actor, id } = options;
  const call = await requireCall(db, actor, id, callDtoSelect);
  const events = await db.prisma.callEvent.findMany({
    where: { callId: call.id },
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, eventType: true, occurredAt: true, payload: true },
  });
  return {
    ...toCallDto(call),
    timeline: events.map((event) => {
      const signal = signalFromRow(event);
      return {
        id: event.id,
        eventType: event.eventType,
        occurredAt: event.occurredAt,
        summary: summarizeSignal(signal),
        detail: describeSignal({ ...signal, eventType: event.eventType }),
      };
    }),
    recordingUrl: call.recordingPath ? recordingRoute(call.id) : null,
  };
}
