import { Prisma, type CallStatus } from "@app/db/client";
import { isLiveCallStatus } from "../calls/call-state";
import { ZCallRecordSchema, recentDetailRecords, type CallRecord } from "./detail-records";
import { organizationConnectionIds, type SyncContext } from "./sync-context";

const MAX_IMPORTS = 200;

function finalStatusOf(record: CallRecord): CallStatus {
  if (record.answered_at) return "ENDED";
  switch (record.hangup_cause) {
    case "user_busy":
      return "BUSY";
    case "timeout":
    case "no_answer":
      return "NO_ANSWER";
    case "originator_cancel":
      return "CANCELED";
    default:
      return "FAILED";
  }
}

const costOf = (record: CallRecord) =>
  record.cost
    ? { cost: new Prisma.Decimal(record.cost), costCurrency: record.currency ?? "USD", costSource: "detail_record" }
    : {};

/** The agent's leg of a click-to-call (their device): part of a call we know, never a call of its own. */
const isAgentLeg = (record: CallRecord, agentDevices: Set<string>) =>
  [record.cli, record.cld].some(
    (party) => party !== null && party !== undefined && (party.startsWith("sip:") || agentDevices.has(party)),
  );

async function importCall(ctx: SyncContext, record: CallRecord): Promise<void> {
  const isInbound = record.direction?.toLowerCase() === "inbound";
  const from = record.cli ?? "";
  const to = record.cld ?? "";
  const [lead, number] = await Promise.all([
    ctx.db.prisma.lead.findFirst({
      where: { organizationId: ctx.organizationId, phoneNumber: isInbound ? from : to },
      select: { id: true },
    }),
    ctx.db.prisma.telnyxPhoneNumber.findFirst({
      where: { organizationId: ctx.organizationId, phoneNumber: isInbound ? to : from },
      select: { id: true },
    }),
  ]);
  await ctx.db.prisma.telnyxCall.create({
    data: {
      organizationId: ctx.organizationId,
      direction: isInbound ? "INBOUND" : "OUTBOUND",
      status: finalStatusOf(record),
      fromNumber: from,
      toNumber: to,
      leadId: lead?.id ?? null,
      phoneNumberId: number?.id ?? null,
      callControlId: record.call_control_id,
      callLegId: record.call_leg_id,
      callSessionId: record.call_session_id,
      hangupCause: record.hangup_cause,
      startedAt: record.started_at,
      answeredAt: record.answered_at,
      endedAt: record.ended_at,
      durationSecs: record.call_sec,
      billedSecs: record.billed_sec,
      ...costOf(record),
      createdAt: record.started_at ?? record.created_at ?? ctx.now,
    },
  });
}

/**
 * Calls of the last 24 h from Telnyx's detail records: a call still open here although Telnyx ended
 * it (a lost call.hangup) is closed with its duration and cost; calls we never heard of are imported.
 */
export async function syncCalls(ctx: SyncContext): Promise<void> {
  const { db, organizationId, report } = ctx;
  const records = await recentDetailRecords(ctx, "call-control", ZCallRecordSchema);
  const { applications } = await organizationConnectionIds(ctx);
  const agentDevices = new Set(
    (
      await db.prisma.user.findMany({
        where: { memberships: { some: { organizationId } }, agentDevice: { not: null } },
        select: { agentDevice: true },
      })
    ).map((user) => user.agentDevice!),
  );
  let imports = 0;
  for (const record of records) {
    const ccid = record.call_control_id;
    if (!ccid || !(ctx.isOwnAccount || applications.has(record.connection_id ?? ""))) continue;
    report.count("calls");
    const local = await db.prisma.telnyxCall.findFirst({
      where: {
        organizationId,
        OR: [
          { callControlId: ccid },
          { agentCallControlId: ccid },
          ...(record.call_session_id ? [{ callSessionId: record.call_session_id }] : []),
        ],
      },
      select: { id: true, status: true, callControlId: true, cost: true, answeredAt: true },
    });
    if (!local) {
      if (isAgentLeg(record, agentDevices)) continue;
      if (imports >= MAX_IMPORTS) {
        report.count("callsNotImported");
        continue;
      }
      await importCall(ctx, record);
      imports += 1;
      report.change(
        "call.imported",
        `Call ${record.cli} → ${record.cld} (${finalStatusOf(record).toLowerCase()}) was missing here: imported.`,
      );
      continue;
    }
    if (local.callControlId !== ccid || !isLiveCallStatus(local.status)) continue;
    const status = finalStatusOf(record);
    const { count } = await db.prisma.telnyxCall.updateMany({
      where: { id: local.id, status: local.status },
      data: {
        status,
        endedAt: record.ended_at ?? ctx.now,
        answeredAt: local.answeredAt ?? record.answered_at,
        durationSecs: record.call_sec,
        billedSecs: record.billed_sec,
        hangupCause: record.hangup_cause,
        isMuted: false,
        isOnHold: false,
        isRecording: false,
        ...(local.cost === null ? costOf(record) : {}),
      },
    });
    if (count > 0)
      report.change(
        "call.status_updated",
        `Call ${record.cli} → ${record.cld} had ended in Telnyx (${record.hangup_cause ?? "unknown cause"}): closed here.`,
      );
  }
}

/** Recordings of the last 24 h not yet attached to their call here. */
export async function syncRecordings(ctx: SyncContext): Promise<void> {
  const { db, organizationId, report } = ctx;
  const recordings = await ctx.read(() => ctx.gateway.listRecordings({ createdAfter: ctx.since }));
  for (const recording of recordings) {
    const ids = [
      ...(recording.callControlId
        ? [{ callControlId: recording.callControlId }, { agentCallControlId: recording.callControlId }]
        : []),
      ...(recording.callSessionId ? [{ callSessionId: recording.callSessionId }] : []),
      ...(recording.conferenceId ? [{ conferenceId: recording.conferenceId }] : []),
    ];
    if (ids.length === 0) continue;
    const call = await db.prisma.telnyxCall.findFirst({
      where: { organizationId, OR: ids },
      select: { id: true, recordingId: true, fromNumber: true, toNumber: true },
    });
    if (!call) continue;
    report.count("recordings");
    if (call.recordingId) continue;
    await db.prisma.telnyxCall.update({
      where: { id: call.id },
      data: { recordingId: recording.id, recordingDurationMs: recording.durationMillis ?? null },
    });
    report.change(
      "call.recording_linked",
      `Recording ${recording.id} of the call ${call.fromNumber} → ${call.toNumber} was missing here: linked.`,
    );
  }
}
