/**
 * Supervisors listen to (monitor), whisper in or barge into a live call: their own device
 * (User.agentDevice) is dialed and, once it answers, joined to the call's conference with that
 * supervisor_role (the webhook side: supervisorLegFlows). Already in the call: the
 * role is switched in place. Every change is audited.
 */
import type { Prisma } from "@app/db/client";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import type { TCallDto } from "../realtime/events";
import type { ApplyServices, Tx } from "../webhooks/apply-types";
import { clientStateSecretOf, encodeCallClientState, type CallClientState } from "./call-client-state";
import { addCallSignal, commandCallSelect, requireConnected, type CallCommandOptions } from "./call-command-runner";
import { requireCall } from "./call-access";
import { callDtoSelect, toCallDto } from "./call-dto";
import { requireVoiceConnection } from "./call-numbers";
import type { CallSignal } from "./call-signal";
import { isTerminalStatus } from "./call-state";

export type SupervisorRoleValue = "monitor" | "whisper" | "barge";
const ACTIVE = { in: ["DIALING", "JOINED"] };
type Task = () => Promise<void>;

const whisperTo = (role: string, agentCcid: string | null) =>
  role === "whisper" && agentCcid ? [agentCcid] : undefined;

export async function superviseCall(options: CallCommandOptions & { role: SupervisorRoleValue }): Promise<TCallDto> {
  const { db, actor, id, role } = options;
  const call = await requireCall(db, actor, id, commandCallSelect);
  if (isTerminalStatus(call.status)) throw new AppError("CONFLICT", "This call has already ended.");
  const { conferenceId, agent } = requireConnected(call);
  const audit = {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "call.supervise",
    targetType: "call",
    targetId: id,
    ip: actor.ip,
  };
  const gateway = await options.gatewayFor(actor.organizationId);
  const existing = await db.prisma.callSupervision.findFirst({
    where: { callId: id, userId: actor.userId, status: ACTIVE },
    orderBy: { createdAt: "desc" },
  });
  try {
    if (existing) {
      if (existing.status === "JOINED" && existing.callControlId) {
        await gateway.setSupervisorRole(conferenceId, {
          callControlId: existing.callControlId,
          role,
          whisperCallControlIds: whisperTo(role, agent) ?? [],
        });
      }
      await db.prisma.callSupervision.update({ where: { id: existing.id }, data: { role } });
    } else {
      const user = await db.prisma.user.findUniqueOrThrow({
        where: { id: actor.userId },
        select: { agentDevice: true },
      });
      if (!user.agentDevice)
        throw new AppError("VALIDATION", "Add your phone number or SIP address to your profile to listen to calls.", {
          fieldErrors: { role: ["no_device"] },
        });
      const connectionId = await requireVoiceConnection(db, actor.organizationId);
      const supervision = await db.prisma.callSupervision.create({
        data: { organizationId: actor.organizationId, callId: id, userId: actor.userId, role },
      });
      const state: CallClientState = { callId: id, leg: "other", userId: actor.userId, supervisionId: supervision.id };
      const ourNumber = call.direction === "OUTBOUND" ? call.fromNumber : call.toNumber;
      try {
        const dial = await gateway.dial({
          connectionId,
          from: ourNumber,
          to: user.agentDevice,
          clientState: encodeCallClientState(state, await clientStateSecretOf(db.prisma, actor.organizationId)),
          timeoutSecs: 30,
        });
        await db.prisma.callSupervision.updateMany({
          where: { id: supervision.id, callControlId: null },
          data: { callControlId: dial.callControlId },
        });
      } catch (error) {
        await db.prisma.callSupervision.update({
          where: { id: supervision.id },
          data: { status: "ENDED", endedAt: new Date() },
        });
        throw error;
      }
    }
  } catch (error) {
    await recordAudit(db, {
      ...audit,
      result: "failed",
      details: { role, error: error instanceof Error ? error.message : String(error) },
    });
    throw error;
  }
  await addCallSignal(
    db,
    id,
    { type: "note", text: `Supervisor ${existing ? "switched to" : "joining as"} ${role}` },
    "command.supervise",
  );
  await recordAudit(db, { ...audit, details: { role } });
  return toCallDto(await db.prisma.telnyxCall.findUniqueOrThrow({ where: { id }, select: callDtoSelect }));
}

export async function stopSupervising(options: CallCommandOptions): Promise<TCallDto> {
  const { db, actor, id } = options;
  await requireCall(db, actor, id, { id: true });
  const active = await db.prisma.callSupervision.findMany({
    where: { callId: id, userId: actor.userId, status: ACTIVE },
  });
  if (active.length === 0) throw new AppError("CONFLICT", "You are not listening to this call.");
  const gateway = await options.gatewayFor(actor.organizationId);
  for (const supervision of active) {
    if (supervision.callControlId) await gateway.hangup(supervision.callControlId).catch(() => undefined);
    await db.prisma.callSupervision.update({
      where: { id: supervision.id },
      data: { status: "ENDED", endedAt: new Date() },
    });
  }
  await addCallSignal(db, id, { type: "note", text: "Supervisor left" }, "command.stop_supervising");
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "call.stop_supervising",
    targetType: "call",
    targetId: id,
    ip: actor.ip,
  });
  return toCallDto(await db.prisma.telnyxCall.findUniqueOrThrow({ where: { id }, select: callDtoSelect }));
}

interface SupervisionContext {
  call: { id: string; organizationId: string; conferenceId: string | null; agentCallControlId: string | null };
  ccid: string | undefined;
  signal: CallSignal;
  clientState: CallClientState | null;
  isTerminal: boolean;
  services: ApplyServices;
}

/**
 * Webhook side (inside the applier's transaction), before the call's row is written: join an answered supervisor
 * leg, end a supervisor leg that hung up. The legs still up when the call ends are ended by the call's write
 * (call-event-write.ts) and hung up by `hangupSupervisorLegs`.
 */
export async function supervisorLegFlows(tx: Tx, ctx: SupervisionContext): Promise<Task[]> {
  const { call, ccid, signal, services } = ctx;
  const tasks: Task[] = [];
  const gatewayOf = () => services.gatewayFor(call.organizationId);
  if (signal.leg === "other" && ccid && (ctx.clientState?.supervisionId || signal.type === "hangup")) {
    const where: Prisma.CallSupervisionWhereInput = ctx.clientState?.supervisionId
      ? { id: ctx.clientState.supervisionId, callId: call.id }
      : { callControlId: ccid, callId: call.id };
    const supervision = await tx.callSupervision.findFirst({ where });
    if (supervision && signal.type === "answered" && supervision.status === "DIALING") {
      await tx.callSupervision.update({
        where: { id: supervision.id },
        data: { status: "JOINED", callControlId: ccid },
      });
      const conferenceId = call.conferenceId;
      tasks.push(async () => {
        const gateway = await gatewayOf();
        if (ctx.isTerminal || !conferenceId) return gateway.hangup(ccid);
        const role =
          (
            await services.db.prisma.callSupervision.findUnique({
              where: { id: supervision.id },
              select: { role: true },
            })
          )?.role ?? supervision.role;
        const whisper = whisperTo(role, call.agentCallControlId);
        await gateway.joinConference(conferenceId, {
          callControlId: ccid,
          supervisorRole: role as SupervisorRoleValue,
          whisperCallControlIds: whisper,
        });
        // Also set through update: the role is then applied even where join ignores supervisor_role.
        await gateway.setSupervisorRole(conferenceId, {
          callControlId: ccid,
          role: role as SupervisorRoleValue,
          whisperCallControlIds: whisper ?? [],
        });
      });
    }
    if (supervision && signal.type === "hangup" && supervision.status !== "ENDED") {
      await tx.callSupervision.update({
        where: { id: supervision.id },
        data: { status: "ENDED", endedAt: new Date() },
      });
    }
  }
  return tasks;
}

/** After the commit: hang up the supervisor legs that ended with the call. */
export function hangupSupervisorLegs(services: ApplyServices, organizationId: string, ccids: string[]): Task[] {
  return ccids.map(
    (ccid) => async () => (await services.gatewayFor(organizationId)).hangup(ccid).catch(() => undefined),
  );
}
