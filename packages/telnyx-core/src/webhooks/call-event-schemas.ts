/**
 * Payload schemas for Call Control and conference webhooks → camelCase domain payloads.
 * Field optionality follows the real bodies in /work/shared/fixtures/telnyx-webhooks.
 */
import { z } from "zod";
import { optional, toCallRef, zCallFields, zDate, zDecimal, zLooseNumber, zLooseString } from "./webhook-primitives";

export const callInitiatedPayload = z
  .object({
    ...zCallFields,
    direction: z.string(), // "incoming" | "outgoing"
    state: optional(z.string()), // "parked" (inbound) | "bridging" (outbound)
    start_time: optional(zDate),
    caller_id_name: optional(z.string()),
    from_sip_uri: optional(z.string()),
    to_sip_uri: optional(z.string()),
  })
  .transform((p) => ({
    ...toCallRef(p),
    direction: p.direction as "incoming" | "outgoing" | (string & {}),
    state: p.state,
    startTime: p.start_time,
    callerIdName: p.caller_id_name,
    fromSipUri: p.from_sip_uri,
    toSipUri: p.to_sip_uri,
  }));

export const callAnsweredPayload = z
  .object({ ...zCallFields, start_time: optional(zDate), state: optional(z.string()) })
  .transform((p) => ({ ...toCallRef(p), startTime: p.start_time, state: p.state }));

export const callRefPayload = z.object(zCallFields).transform(toCallRef);

const qualityLeg = z
  .object({
    mos: optional(zLooseNumber),
    jitter_max_variance: optional(zLooseNumber),
    packet_count: optional(zLooseNumber),
    skip_packet_count: optional(zLooseNumber),
  })
  .transform((leg) => ({
    mos: leg.mos,
    jitterMaxVariance: leg.jitter_max_variance,
    packetCount: leg.packet_count,
    skipPacketCount: leg.skip_packet_count,
  }));

export type HangupCause =
  | "normal_clearing"
  | "originator_cancel"
  | "call_rejected"
  | "user_busy"
  | "timeout"
  | "time_limit"
  | "not_found"
  | "no_answer"
  | "unspecified";

export const callHangupPayload = z
  .object({
    ...zCallFields,
    hangup_cause: z.string(),
    hangup_source: optional(z.string()),
    sip_hangup_cause: optional(zLooseString),
    start_time: optional(zDate),
    end_time: optional(zDate),
    call_quality_stats: optional(z.object({ inbound: optional(qualityLeg), outbound: optional(qualityLeg) })),
  })
  .transform((p) => ({
    ...toCallRef(p),
    hangupCause: p.hangup_cause as HangupCause | (string & {}),
    hangupSource: (p.hangup_source ?? "unknown") as "caller" | "callee" | "unknown" | (string & {}),
    sipHangupCause: p.sip_hangup_cause,
    startTime: p.start_time,
    /** Not guaranteed by Telnyx: fall back to the event's occurredAt. */
    endTime: p.end_time,
    callQualityStats: p.call_quality_stats,
    /** Inbound MOS (1–5) when Telnyx measured it. */
    mos: p.call_quality_stats?.inbound?.mos,
  }));

const costPart = z
  .object({
    call_part: z.string(),
    billed_duration_secs: optional(z.number()),
    rate: optional(zDecimal),
    cost: zDecimal,
    currency: z.string(),
  })
  .transform((part) => ({
    callPart: part.call_part,
    billedDurationSecs: part.billed_duration_secs,
    rate: part.rate,
    cost: part.cost,
    currency: part.currency,
  }));

export const callCostPayload = z
  .object({
    ...zCallFields,
    total_cost: zDecimal,
    billed_duration_secs: z.number(),
    status: optional(z.string()),
    billing_group_id: optional(z.string()),
    cost_parts: z.array(costPart).nullish(),
  })
  .transform((p) => ({
    ...toCallRef(p),
    totalCost: p.total_cost,
    currency: p.cost_parts?.[0]?.currency ?? "USD",
    billedDurationSecs: p.billed_duration_secs,
    status: p.status,
    billingGroupId: p.billing_group_id,
    costParts: p.cost_parts ?? [],
  }));

const recordingUrls = z
  .object({ mp3: optional(z.string()), wav: optional(z.string()) })
  .nullish()
  .transform((urls) => ({ mp3: urls?.mp3, wav: urls?.wav }));

export const callRecordingSavedPayload = z
  .object({
    ...zCallFields,
    recording_id: optional(z.string()),
    recording_urls: recordingUrls,
    public_recording_urls: recordingUrls,
    channels: optional(z.string()),
    format: optional(z.string()),
    recording_started_at: optional(zDate),
    recording_ended_at: optional(zDate),
  })
  .transform((p) => ({
    ...toCallRef(p),
    recordingId: p.recording_id,
    recordingUrls: p.recording_urls,
    publicRecordingUrls: p.public_recording_urls,
    channels: p.channels as "single" | "dual" | (string & {}) | undefined,
    format: p.format,
    recordingStartedAt: p.recording_started_at,
    recordingEndedAt: p.recording_ended_at,
  }));

export const callMachineDetectionEndedPayload = z
  .object({ ...zCallFields, result: z.string() })
  .transform((p) => ({ ...toCallRef(p), result: p.result as "human" | "machine" | "not_sure" | (string & {}) }));

export const callMediaPayload = z
  .object({
    ...zCallFields,
    status: optional(z.string()),
    speak_id: optional(z.string()),
    media_name: optional(z.string()),
    media_url: optional(z.string()),
    overlay: optional(z.boolean()),
  })
  .transform((p) => ({
    ...toCallRef(p),
    status: p.status,
    speakId: p.speak_id,
    mediaName: p.media_name,
    mediaUrl: p.media_url,
    overlay: p.overlay,
  }));

export const callGatherEndedPayload = z
  .object({ ...zCallFields, digits: z.string().nullish(), status: optional(z.string()) })
  .transform((p) => ({ ...toCallRef(p), digits: p.digits ?? "", status: p.status }));

export const callDtmfReceivedPayload = z
  .object({ ...zCallFields, digit: z.string() })
  .transform((p) => ({ ...toCallRef(p), digit: p.digit }));

export const conferencePayload = z
  .object({ ...zCallFields, conference_id: z.string(), reason: optional(z.string()) })
  .transform((p) => ({ ...toCallRef(p), conferenceId: p.conference_id, reason: p.reason }));

/** call.enqueued (SDK type CallEnqueued): the caller is waiting in a Telnyx queue. */
export const callEnqueuedPayload = z
  .object({
    ...zCallFields,
    queue: z.string(),
    current_position: optional(zLooseNumber),
    queue_avg_wait_time_secs: optional(zLooseNumber),
  })
  .transform((p) => ({
    ...toCallRef(p),
    queue: p.queue,
    currentPosition: p.current_position,
    queueAvgWaitTimeSecs: p.queue_avg_wait_time_secs,
  }));

/** call.dequeued (SDK type CallLeftQueue): reason bridged, bridging-in-process, hangup, leave or timeout. */
export const callDequeuedPayload = z
  .object({
    ...zCallFields,
    queue: z.string(),
    queue_position: optional(zLooseNumber),
    reason: z.string(),
    wait_time_secs: optional(zLooseNumber),
  })
  .transform((p) => ({
    ...toCallRef(p),
    queue: p.queue,
    queuePosition: p.queue_position,
    reason: p.reason as "bridged" | "bridging-in-process" | "hangup" | "leave" | "timeout" | (string & {}),
    waitTimeSecs: p.wait_time_secs,
  }));
