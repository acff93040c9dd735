import { badState, callEnded, invalidCallControlId } from "../http/errors.js";
import { VirtualClock } from "../util/clock.js";
import type { World } from "../world.js";
import { billCall } from "./call-billing.js";
import { CallMedia } from "./call-media.js";
import { basePayload, type Leg } from "./call-types.js";
import { farEndFor } from "./magic.js";

export interface DialParams {
  connectionId: string;
  from: string;
  to: string;
  clientState?: string | undefined;
  timeoutSecs?: number | undefined;
  timeLimitSecs?: number | undefined;
  amd?: string | undefined;
  record?: { channels: "single" | "dual"; format: "wav" | "mp3" } | undefined;
  webhookUrl?: string | undefined;
  linkTo?: string | undefined;
  bridgeOnAnswer?: boolean | undefined;
  sessionId?: string | undefined;
}

const CALL_RETENTION_MS = 10 * 60 * 1000;
const INBOUND_GIVE_UP_MS = 30_000;

/** Call legs and their lifecycle: dial/inbound → initiated → answered → (bridged) → hangup → recording → cost. */
export class CallEngine {
  readonly legs = new Map<string, Leg>();
  readonly media: CallMedia;
  private readonly dialCommands = new Map<string, { ccid: string; at: number }>();

  constructor(private readonly world: World) {
    this.media = new CallMedia(world, this);
  }

  reset(): void {
    this.legs.clear();
    this.dialCommands.clear();
  }

  /** Returns the leg or throws Telnyx's invalid call_control_id / call ended errors. */
  require(ccid: string, alive = true): Leg {
    const leg = this.legs.get(ccid);
    if (!leg || (leg.endedAt !== null && Date.now() - leg.endedAt > CALL_RETENTION_MS))
      throw invalidCallControlId(ccid);
    if (alive && leg.state === "ended") throw callEnded(ccid);
    return leg;
  }

  /** Same command_id within 60 s returns the original call instead of dialing again. */
  findDialCommand(commandId: string): Leg | undefined {
    const hit = this.dialCommands.get(commandId);
    if (!hit || Date.now() - hit.at > 60_000) return undefined;
    return this.legs.get(hit.ccid);
  }

  dial(params: DialParams, commandId?: string): Leg {
    const linked = params.linkTo ? this.require(params.linkTo) : undefined;
    const leg = this.newLeg({
      direction: "outgoing",
      connectionId: params.connectionId,
      from: params.from,
      to: params.to,
      clientState: params.clientState ?? null,
      sessionId: params.sessionId ?? linked?.sessionId,
      webhookUrl: params.webhookUrl,
    });
    leg.timeoutSecs = params.timeoutSecs ?? 30;
    leg.timeLimitSecs = params.timeLimitSecs ?? 14_400;
    leg.amd = params.amd && params.amd !== "disabled" ? params.amd : null;
    leg.recordOnAnswer = params.record ?? null;
    leg.linkTo = linked?.ccid ?? null;
    leg.bridgeOnAnswer = params.bridgeOnAnswer ?? false;
    if (commandId) this.dialCommands.set(commandId, { ccid: leg.ccid, at: Date.now() });
    this.emit(leg, "call.initiated", {
      direction: "outgoing",
      state: "bridging",
      start_time: new Date(leg.startedAt).toISOString(),
      caller_id_name: leg.from,
      calling_party_type: leg.to.startsWith("sip:") ? "sip" : "pstn",
    });
    this.routeDial(leg);
    return leg;
  }

  /** A browser registered at the gateway rings for real; other destinations follow their magic-number script. */
  private routeDial(leg: Leg): void {
    switch (this.world.verto.ring(leg)) {
      case "ringing":
        this.later(leg, leg.timeoutSecs * 1000, () => this.end(leg, "timeout", "caller", "487"), true);
        return;
      case "unregistered":
        // A credential with no browser logged in: SIP's 480 Temporarily Unavailable.
        this.later(leg, 300, () => this.end(leg, "no_answer", "callee", "480"));
        return;
      case "refused":
        // The credential connection does not take SIP URI calls from this caller (sip_uri_calling_preference).
        this.later(leg, 300, () => this.end(leg, "not_found", "callee", "404"));
        return;
      case "not_a_client":
        this.runFarEnd(leg);
        return;
    }
  }

  /** The far end (a browser) picked up a leg Call Control dialed. */
  answerByFarEnd(leg: Leg): void {
    if (leg.state === "ringing") this.markAnswered(leg);
  }

  /** A call from the outside world to one of our numbers: call.initiated (incoming, parked), waiting for answer. */
  inbound(from: string, to: string, connectionId: string, clientState?: string): Leg {
    const leg = this.newLeg({ direction: "incoming", connectionId, from, to, clientState: clientState ?? null });
    leg.state = "parked";
    this.emit(leg, "call.initiated", {
      direction: "incoming",
      state: "parked",
      start_time: new Date(leg.startedAt).toISOString(),
      caller_id_name: from,
      calling_party_type: from.startsWith("sip:") ? "sip" : "pstn",
    });
    this.later(
      leg,
      INBOUND_GIVE_UP_MS,
      () => {
        if (leg.state === "parked") this.end(leg, "originator_cancel", "caller", "487");
      },
      true,
    );
    return leg;
  }

  answer(leg: Leg): void {
    if (leg.direction !== "incoming" || leg.state !== "parked")
      throw badState(`Call '${leg.ccid}' cannot be answered in state '${leg.state}'.`);
    this.markAnswered(leg);
  }

  reject(leg: Leg, cause: string): void {
    if (leg.direction !== "incoming" || leg.state !== "parked")
      throw badState(`Call '${leg.ccid}' cannot be rejected in state '${leg.state}'.`);
    const busy = cause === "USER_BUSY";
    this.end(leg, busy ? "user_busy" : "call_rejected", "callee", busy ? "486" : "603");
  }

  /** Our side hangs up (the app's hangup command). */
  hangupByApp(leg: Leg): void {
    if (leg.state === "ringing") this.end(leg, "originator_cancel", "caller", "487");
    else this.end(leg, "normal_clearing", leg.direction === "outgoing" ? "caller" : "callee", "200");
  }

  /** The remote party hangs up (control API or a magic number's talk time running out). */
  hangupByFarEnd(leg: Leg): void {
    if (leg.state === "ended") return;
    if (leg.direction === "incoming") {
      if (leg.state === "parked") this.end(leg, "originator_cancel", "caller", "487");
      else this.end(leg, "normal_clearing", "caller", "200");
    } else if (leg.state === "ringing") this.end(leg, "call_rejected", "callee", "603");
    else this.end(leg, "normal_clearing", "callee", "200");
  }

  bridge(a: Leg, b: Leg): void {
    if (a.ccid === b.ccid) throw badState("A call cannot be bridged with itself.");
    for (const leg of [a, b]) {
      if (leg.state !== "answered") throw badState(`Call '${leg.ccid}' must be answered before it can be bridged.`);
    }
    a.bridgedWith = b.ccid;
    b.bridgedWith = a.ccid;
    this.world.verto.onBridged(a, b);
    this.emit(a, "call.bridged", {});
    this.emit(b, "call.bridged", {});
  }

  /** Transfer: dial a new leg in the same session and bridge it with this one when it answers. */
  transfer(
    leg: Leg,
    to: string,
    from: string | undefined,
    webhookUrl: string | undefined,
    timeoutSecs: number | undefined,
  ): Leg {
    if (leg.state !== "answered" && leg.state !== "parked")
      throw badState(`Call '${leg.ccid}' cannot be transferred in state '${leg.state}'.`);
    if (leg.state === "parked") this.markAnswered(leg);
    return this.dial({
      connectionId: leg.connectionId,
      from: from ?? (leg.direction === "incoming" ? leg.to : leg.from),
      to,
      clientState: leg.clientState ?? undefined,
      timeoutSecs,
      webhookUrl: webhookUrl ?? leg.target.url ?? undefined,
      linkTo: leg.ccid,
      bridgeOnAnswer: true,
    });
  }

  emit(leg: Leg, eventType: string, extra: Record<string, unknown>): void {
    this.world.emit(leg.ccid, eventType, { ...basePayload(leg), ...extra }, leg.target, leg.clock.iso());
  }

  /** Guards (time limits, give-up timers) never fire at timeScale 0: nothing times out on its own there. */
  later(leg: Leg, delayMs: number, task: () => void, isGuard = false): void {
    if (isGuard && this.world.scheduler.timeScale === 0) return;
    leg.timers.push(leg.clock.after(this.world.scheduler, delayMs, task));
  }

  private runFarEnd(leg: Leg): void {
    const far = leg.farEnd;
    const timeoutMs = leg.timeoutSecs * 1000;
    if (far.kind === "no_answer" || (far.kind === "answer" && far.ringMs > timeoutMs)) {
      this.later(leg, timeoutMs, () => this.end(leg, "timeout", "caller", "487"));
      return;
    }
    if (far.kind === "hangup") {
      this.later(leg, far.ringMs, () => this.end(leg, far.cause, far.source, far.sip));
      return;
    }
    this.later(leg, far.ringMs, () => {
      if (leg.state !== "ringing") return;
      this.markAnswered(leg);
      if (far.talkMs !== null) this.later(leg, far.talkMs, () => this.hangupByFarEnd(leg));
    });
  }

  private markAnswered(leg: Leg): void {
    leg.state = "answered";
    leg.answeredAt = leg.clock.nowMs();
    this.emit(leg, "call.answered", { start_time: new Date(leg.startedAt).toISOString(), state: "answered" });
    this.later(leg, leg.timeLimitSecs * 1000, () => this.end(leg, "time_limit", "unknown", "200"), true);
    if (leg.amd) this.media.detectMachine(leg);
    if (leg.recordOnAnswer) this.media.startRecording(leg, leg.recordOnAnswer.channels, leg.recordOnAnswer.format);
    const linked = leg.linkTo ? this.legs.get(leg.linkTo) : undefined;
    if (leg.bridgeOnAnswer && linked && linked.state === "answered") this.bridge(linked, leg);
    this.world.verto.onLegAnswered(leg);
  }

  /** Ends a leg: call.hangup → call.recording.saved → conference/bridge fallout → call.cost. */
  end(leg: Leg, cause: string, source: string, sip: string): void {
    if (leg.state === "ended") return;
    const wasAnswered = leg.answeredAt !== null;
    leg.state = "ended";
    leg.endedAt = Date.now();
    for (const cancel of leg.timers.splice(0)) cancel();
    this.media.stopGather(leg);
    leg.hangup = { cause, source, sip };
    // A queued caller who hangs up leaves the queue first: call.dequeued ("hangup"), then call.hangup.
    this.world.queues.onLegEnded(leg);
    const endIso = leg.clock.iso();
    const talkSecs = wasAnswered ? Math.max(0, (leg.clock.nowMs() - (leg.answeredAt ?? 0)) / 1000) : 0;
    this.emit(leg, "call.hangup", {
      call_quality_stats: qualityStats(talkSecs),
      end_time: endIso,
      hangup_cause: cause,
      hangup_source: source,
      sip_hangup_cause: sip,
      start_time: new Date(leg.startedAt).toISOString(),
      state: "hangup",
    });
    if (leg.recording) this.media.finishRecording(leg);
    // After the recording: it takes what the browser's leg heard before the gateway lets the call go.
    this.world.verto.onLegEnded(leg);
    if (leg.conferenceId) this.world.conferences.onLegEnded(leg);
    const partner = leg.bridgedWith ? this.legs.get(leg.bridgedWith) : undefined;
    leg.bridgedWith = null;
    if (partner && partner.state !== "ended") {
      partner.bridgedWith = null;
      this.end(partner, "normal_clearing", partner.direction === "outgoing" ? "callee" : "caller", "200");
    }
    billCall(this.world, leg, talkSecs);
  }

  private newLeg(input: {
    direction: Leg["direction"];
    connectionId: string;
    from: string;
    to: string;
    clientState: string | null;
    sessionId?: string | undefined;
    webhookUrl?: string | undefined;
  }): Leg {
    const rng = this.world.rng;
    const clock = new VirtualClock();
    const leg: Leg = {
      ccid: rng.callControlId(),
      legId: rng.uuid(),
      sessionId: input.sessionId ?? rng.uuid(),
      connectionId: input.connectionId,
      from: input.from,
      to: input.to,
      direction: input.direction,
      state: "ringing",
      clientState: input.clientState,
      target: this.world.voiceTarget(input.connectionId, input.webhookUrl),
      clock,
      startedAt: clock.nowMs(),
      answeredAt: null,
      endedAt: null,
      farEnd:
        input.direction === "outgoing"
          ? farEndFor(input.to, rng.int(-1000, 1000))
          : { kind: "answer", ringMs: 0, talkMs: null, machine: false },
      timers: [],
      bridgedWith: null,
      conferenceId: null,
      recording: null,
      recordedMs: 0,
      recordOnAnswer: null,
      amd: null,
      timeoutSecs: 30,
      timeLimitSecs: 14_400,
      linkTo: null,
      bridgeOnAnswer: false,
      gather: null,
      playbackActive: false,
      commandIds: new Set(),
      hangup: null,
    };
    this.legs.set(leg.ccid, leg);
    return leg;
  }
}

function qualityStats(talkSecs: number): Record<string, unknown> {
  const packets = String(Math.round(talkSecs * 50));
  return {
    inbound: {
      jitter_max_variance: "2.61",
      jitter_packet_count: "0",
      mos: talkSecs > 0 ? "4.50" : "0.00",
      packet_count: packets,
      skip_packet_count: "0",
    },
    outbound: { packet_count: packets, skip_packet_count: "0" },
  };
}
