/**
 * A realistic webhook stream for the live benchmark: incoming calls through their whole lifecycle
 * (initiated, answered, conference created and joined, hangup, participant left, conference ended,
 * recording saved, cost — 9 events, shaped after the real bodies in the Telnyx fixtures), inbound SMS,
 * and outbound SMS sent through the API's REST face, whose message.sent and message.finalized the
 * embedded Telnyx sandbox delivers to the API as Telnyx would (so they match messages the API sent).
 * Events go out at a fixed rate (open loop); a call's later events are due a few seconds after its start,
 * and a slot with no call event due starts something new, so the rate holds from the first second.
 */
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { nowMs } from "./socket-swarm";
import { messageReceivedBody, signedRequest } from "./webhook-bench";

const DEMO_NUMBER = "+13125550100";

/** A call's events after call.initiated, in seconds after it (talk time shortened to 8 s to keep a run short). */
const CALL_STEPS: Array<{ type: string; atSeconds: number }> = [
  { type: "call.answered", atSeconds: 2 },
  { type: "conference.created", atSeconds: 2.3 },
  { type: "conference.participant.joined", atSeconds: 2.5 },
  { type: "call.hangup", atSeconds: 10 },
  { type: "conference.participant.left", atSeconds: 10.1 },
  { type: "conference.ended", atSeconds: 10.2 },
  { type: "call.recording.saved", atSeconds: 11 },
  { type: "call.cost", atSeconds: 12 },
];
export const EVENTS_PER_CALL = 1 + CALL_STEPS.length;

interface CallIds {
  callControlId: string;
  callLegId: string;
  callSessionId: string;
  conferenceId: string;
  from: string;
  startedAt: string;
}

function callPayload(type: string, ids: CallIds, at: string): Record<string, unknown> {
  const ref = {
    call_control_id: ids.callControlId,
    call_leg_id: ids.callLegId,
    call_session_id: ids.callSessionId,
    connection_id: "bench-connection",
    from: ids.from,
    to: DEMO_NUMBER,
  };
  switch (type) {
    case "call.initiated":
      return { ...ref, direction: "incoming", state: "parked", start_time: at, caller_id_name: "Bench Caller" };
    case "call.answered":
      return { ...ref, state: "answered", start_time: ids.startedAt };
    case "conference.created":
    case "conference.participant.joined":
    case "conference.participant.left":
    case "conference.ended":
      return { ...ref, conference_id: ids.conferenceId, occurred_at: at };
    case "call.hangup":
      return {
        ...ref,
        hangup_cause: "normal_clearing",
        hangup_source: "caller",
        sip_hangup_cause: "200",
        start_time: ids.startedAt,
        end_time: at,
        call_quality_stats: {
          inbound: { mos: "4.49", jitter_max_variance: "0.12", packet_count: "412", skip_packet_count: "0" },
        },
      };
    case "call.recording.saved":
      return {
        ...ref,
        recording_id: randomUUID(),
        channels: "single",
        format: "mp3",
        recording_started_at: ids.startedAt,
        recording_ended_at: at,
        // A host outside the download allow-list: the event is applied, the download refused without a network call.
        recording_urls: { mp3: `https://recordings.bench.invalid/${ids.callSessionId}.mp3` },
        public_recording_urls: {},
      };
    case "call.cost":
      return {
        ...ref,
        total_cost: "0.0106",
        billed_duration_secs: 60,
        status: "success",
        cost_parts: [
          { call_part: "call-control", billed_duration_secs: 60, rate: "0.0018", cost: "0.0018", currency: "USD" },
          { call_part: "sip-trunking", billed_duration_secs: 60, rate: "0.0050", cost: "0.0050", currency: "USD" },
          { call_part: "call-recording", billed_duration_secs: 60, rate: "0.0038", cost: "0.0038", currency: "USD" },
        ],
      };
    default:
      throw new Error(`no body for ${type}`);
  }
}

function callBody(type: string, ids: CallIds): string {
  const at = new Date().toISOString();
  return JSON.stringify({
    data: {
      event_type: type,
      id: randomUUID(),
      occurred_at: at,
      record_type: "event",
      payload: callPayload(type, ids, at),
    },
    meta: { attempt: 1 },
  });
}

const callerNumber = (i: number) => `+1415556${String(1000 + (i % 8000)).padStart(4, "0")}`;
/** Outbound SMS recipients: last digits outside the sandbox's magic failure numbers. */
const recipientNumber = (i: number) => `+1312556${String(6000 + (i % 3000)).padStart(4, "0")}`;

export interface MixOptions {
  url: string;
  privateKeyPem: string;
  webhookRoot: string;
  apiToken: string;
  /** Webhooks per second the API receives in all (the generator's own + the sandbox's outbound SMS statuses). */
  rate: number;
  seconds: number;
  /** Outbound SMS sent through the REST face per second (each brings 2 webhooks from the sandbox). */
  outboundSmsPerSecond: number;
  /** Inbound SMS started per call started. */
  smsPerCall: number;
  /** Inbound SMS texts start with this: the socket swarm measures their latency. */
  keyPrefix: string;
}

export interface MixStream {
  /** Inbound SMS key → send time: the events whose latency the swarm measures. */
  sentAt: Map<string, number>;
  /** Webhooks posted by the generator, by event type; REST sends (each followed by 2 sandbox webhooks). */
  posted: Record<string, number>;
  outboundSent: number;
  outboundFailed: number;
  /** Webhooks refused, or not answered before `settle` gave up on them; by HTTP status ("none": no answer; "send …": REST sends). */
  postFailed: number;
  refusals: Record<string, number>;
  /** Resolves once every request has been answered, or at `deadline` (epoch ms), aborting the rest. */
  settle(deadline: number): Promise<void>;
}

/** Posts the mixed stream for `seconds` (open loop: a slow server does not slow it); returns when the last one is sent. */
export async function postMixedStream(options: MixOptions): Promise<MixStream> {
  const ownRate = Math.max(1, options.rate - 2 * options.outboundSmsPerSecond);
  const slots = Math.round(ownRate * options.seconds);
  const outboundEvery = options.outboundSmsPerSecond > 0 ? ownRate / options.outboundSmsPerSecond : Infinity;
  const due: Array<{ slot: number; type: string; ids: CallIds }> = [];
  const requests: Promise<unknown>[] = [];
  const abort = new AbortController();
  // Every request of the run listens to this one signal.
  setMaxListeners(0, abort.signal);
  const stream: MixStream = {
    sentAt: new Map(),
    posted: {},
    outboundSent: 0,
    outboundFailed: 0,
    postFailed: 0,
    refusals: {},
    async settle(deadline) {
      const timer = setTimeout(() => abort.abort(), Math.max(0, deadline - Date.now()));
      await Promise.all(requests);
      clearTimeout(timer);
    },
  };
  const post = (body: string, kind: "calls" | "messages", type: string) => {
    const request = signedRequest(options.privateKeyPem, body, `${options.webhookRoot}/${kind}`);
    stream.posted[type] = (stream.posted[type] ?? 0) + 1;
    const countFailure = (status: string) => {
      stream.postFailed += 1;
      stream.refusals[status] = (stream.refusals[status] ?? 0) + 1;
    };
    requests.push(
      fetch(`${options.url}${request.path}`, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        signal: abort.signal,
      })
        .then(async (r) => {
          await r.body?.cancel();
          if (!r.ok) countFailure(`webhook ${r.status}`);
        })
        .catch(() => countFailure("webhook none")),
    );
  };
  let calls = 0;
  let sms = 0;
  let outbound = 0;
  const started = performance.now();
  for (let slot = 0; slot < slots; slot += 1) {
    const wait = started + (slot * 1000) / ownRate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (slot >= (outbound + 1) * outboundEvery)
      requests.push(sendOutboundSms(options, outbound++, stream, abort.signal));
    const next = due[0];
    if (next && next.slot <= slot) {
      due.shift();
      post(callBody(next.type, next.ids), "calls", next.type);
    } else if (sms < calls * options.smsPerCall) {
      const text = `${options.keyPrefix}${sms} ${randomUUID().slice(0, 8)}`;
      stream.sentAt.set(text, nowMs());
      post(messageReceivedBody(text, callerNumber(sms++)), "messages", "message.received");
    } else {
      const ids: CallIds = {
        callControlId: `v3:bench-mix-${randomUUID()}`,
        callLegId: randomUUID(),
        callSessionId: randomUUID(),
        conferenceId: randomUUID(),
        from: callerNumber(calls++),
        startedAt: new Date().toISOString(),
      };
      post(callBody("call.initiated", ids), "calls", "call.initiated");
      for (const step of CALL_STEPS)
        due.push({ slot: slot + Math.round(step.atSeconds * ownRate), type: step.type, ids });
      due.sort((a, b) => a.slot - b.slot);
    }
  }
  return stream;
}

async function sendOutboundSms(options: MixOptions, i: number, stream: MixStream, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${options.url}/api/telnyx/messages`, {
    method: "POST",
    signal,
    headers: { authorization: `Bearer ${options.apiToken}`, "content-type": "application/json" },
    body: JSON.stringify({ to: recipientNumber(i), from: DEMO_NUMBER, text: `Following up on your call (${i})` }),
  }).catch(() => undefined);
  if (response?.status === 201) stream.outboundSent += 1;
  else {
    stream.outboundFailed += 1;
    const key = `send ${response?.status ?? "none"}`;
    stream.refusals[key] = (stream.refusals[key] ?? 0) + 1;
  }
  await response?.body?.cancel().catch(() => undefined);
}
