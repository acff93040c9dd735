/**
 * A hand-off: the call leaves the agent who had it (blind transfer to a number or a colleague, a completed warm
 * transfer). The "transferred" signal joins the call's timeline under the row lock, the row's transfer columns are
 * re-derived from all signals (call-state.ts), the agent who handed it off is no longer ON_CALL, and the call is
 * pushed to the organization and to that agent — who may no longer be able to read it, yet whose panel must stop
 * showing it as connected.
 */
import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import { refreshAgentStatus } from "../agents/agent-presence";
import type { Publisher, TCallDto } from "../realtime/events";
import { publishEmits } from "../realtime/publish-emits";
import type { Emit, Tx } from "../webhooks/apply-types";
import { commandSignalRow } from "./call-command-runner";
import { callDtoSelect, toCallDto } from "./call-dto";
import { lockCallById } from "./call-row-sql";
import { type CallSignalBody, signalFromRow } from "./call-signal";
import { foldCallSignals, transferFieldsOf } from "./call-state";

type Transferred = Extract<CallSignalBody, { type: "transferred" }>;

/** The row's transfer columns from the call's signals (inside the caller's transaction, the row locked). */
export async function rederiveTransfer(tx: Tx, callId: string) {
  const rows = await tx.callEvent.findMany({ where: { callId }, select: { payload: true } });
  return transferFieldsOf(foldCallSignals(rows.map(signalFromRow)));
}

/** Pushes a handed-off call to the organization and to the agent who handed it off, with their new state. */
function publishHandOff(publisher: Publisher, organizationId: string, dto: TCallDto, emits: Emit[]): void {
  publisher.toOrganization(organizationId, "call:updated", dto);
  const from = dto.transferredFromUserId;
  // Agents read only their own calls: once a colleague holds it, the one who handed it off hears it here.
  if (from && from !== dto.userId) publisher.toUser(from, "call:updated", dto);
  publishEmits(publisher, emits);
}

/**
 * Applies a hand-off: writes its signal (unless the command wrote it before acting), re-derives the transfer
 * columns, refreshes the state of the agent who handed it off, and publishes.
 */
export async function applyHandOff(
  services: { db: Db; publisher: Publisher },
  callId: string,
  signal: { written: true; fromUserId: string | null } | Transferred,
  /** Columns that change with the hand-off (a warm transfer: the colleague's leg becomes the agent leg). */
  data: Prisma.TelnyxCallUpdateInput = {},
): Promise<TCallDto> {
  const { db, publisher } = services;
  const isWritten = "written" in signal;
  const fromUserId = isWritten ? signal.fromUserId : (signal.fromUserId ?? null);
  const toUserId = isWritten ? null : (signal.toUserId ?? null);
  const { row, emits } = await db.prisma.$transaction(async (tx) => {
    await lockCallById(tx, callId);
    if (!isWritten) await tx.callEvent.create({ data: commandSignalRow(callId, signal, "command.transferred") });
    const row = await tx.telnyxCall.update({
      where: { id: callId },
      data: { ...data, ...(await rederiveTransfer(tx, callId)) },
      select: callDtoSelect,
    });
    const emits: Emit[] = [];
    for (const userId of new Set([fromUserId, toUserId]))
      if (userId) emits.push(...(await refreshAgentStatus(tx, row.organizationId, userId)));
    return { row, emits };
  });
  const dto = toCallDto(row);
  publishHandOff(publisher, row.organizationId, dto, emits);
  return dto;
}
