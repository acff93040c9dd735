/**
 * The shared shape of every call command: check access and liveness, run the Telnyx command (never
 * inside a transaction), store the resulting flags, add a timeline entry, audit, push the DTO live.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { TCallDto } from "../realtime/events";
import { requireCall, type CallContext } from "./call-access";
import { callDtoSelect, toCallDto } from "./call-dto";
import type { CallSignalBody } from "./call-signal";
import { isTerminalStatus } from "./call-state";

export const commandCallSelect = {
  ...callDtoSelect,
  callControlId: true,
  agentCallControlId: true,
  conferenceId: true,
  recordingId: true,
  consultCallControlId: true,
} as const satisfies Prisma.TelnyxCallSelect;
export type CommandCall = Prisma.TelnyxCallGetPayload<{ select: typeof commandCallSelect }>;

export type CallCommandOptions = CallContext & { id: string };

export interface CallCommandSpec {
  /** Audit action, e.g. "call.mute". */
  action: string;
  /** Timeline entry (a note, or a fact such as a transfer). */
  signal: (call: CommandCall) => CallSignalBody;
  // biome-ignore lint/suspicious/noConfusingVoidType: a command with nothing to write is `async () => {}`, a Promise<void>.
  run: (call: CommandCall, gateway: TelnyxGateway) => Promise<Prisma.TelnyxCallUpdateInput | void>;
  details?: Record<string, unknown>;
  /** Timeline entry written before the Telnyx command (its webhooks must already see it). */
  signalFirst?: boolean;
}

/** A command's entry in the call's timeline (webhook-independent, so its own event id), as a CallEvent row. */
export function commandSignalRow(callId: string, body: CallSignalBody, eventType: string) {
  const eventId = `cmd_${randomUUID()}`;
  const at = new Date();
  return {
    callId,
    eventId,
    eventType,
    occurredAt: at,
    payload: { ...body, eventId, eventType, at: at.toISOString(), leg: "agent" } as Prisma.InputJsonValue,
  };
}

export async function addCallSignal(db: Db, callId: string, body: CallSignalBody, eventType: string): Promise<string> {
  const data = commandSignalRow(callId, body, eventType);
  await db.prisma.callEvent.create({ data });
  return data.eventId;
}

export function requireConnected(call: CommandCall): { conferenceId: string; agent: string; customer: string } {
  if (!call.conferenceId || !call.agentCallControlId || !call.callControlId) {
    throw new AppError("CONFLICT", "The call is not connected yet: wait until both sides are in the call.");
  }
  return { conferenceId: call.conferenceId, agent: call.agentCallControlId, customer: call.callControlId };
}

export async function runCallCommand(options: CallCommandOptions, spec: CallCommandSpec): Promise<TCallDto> {
  const { db, actor, id } = options;
  const call = await requireCall(db, actor, id, commandCallSelect);
  if (isTerminalStatus(call.status)) throw new AppError("CONFLICT", "This call has already ended.");
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: spec.action,
    targetType: "call",
    targetId: id,
    ip: actor.ip,
  };
  const eventType = `command.${spec.action.replace(/^call\./, "")}`;
  const early = spec.signalFirst ? await addCallSignal(db, id, spec.signal(call), eventType) : null;
  // biome-ignore lint/suspicious/noConfusingVoidType: what `run` answers (see CallCommandSpec).
  let data: Prisma.TelnyxCallUpdateInput | void;
  try {
    data = await spec.run(call, await options.gatewayFor(actor.organizationId));
  } catch (error) {
    if (early) await db.prisma.callEvent.deleteMany({ where: { callId: id, eventId: early } });
    const message = error instanceof Error ? error.message : String(error);
    await recordAudit(db, { ...audit, result: "failed", details: { ...spec.details, error: message } });
    throw error;
  }
  if (!early) await addCallSignal(db, id, spec.signal(call), eventType);
  const row = await db.prisma.telnyxCall.update({ where: { id }, data: data ?? {}, select: callDtoSelect });
  await recordAudit(db, { ...audit, details: spec.details });
  const dto = toCallDto(row);
  options.publisher.toOrganization(actor.organizationId, "call:updated", dto);
  return dto;
}
