import { badState, notFound } from "../http/errors.js";
import type { World } from "../world.js";
import { basePayload, type Leg } from "./call-types.js";

export interface Participant {
  id: string;
  ccid: string;
  legId: string;
  muted: boolean;
  onHold: boolean;
  status: "joining" | "joined" | "left";
  supervisorRole: "barge" | "monitor" | "none" | "whisper";
  whisperIds: string[];
  endConferenceOnExit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Conference {
  id: string;
  name: string;
  connectionId: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  status: "init" | "in_progress" | "completed";
  endReason: "all_left" | "ended_via_api" | "host_left" | "time_exceeded" | null;
  participants: Map<string, Participant>;
}

/** Conferences: the product runs agent calls as a conference so it can mute, hold and supervise legs. */
export class ConferenceEngine {
  readonly conferences = new Map<string, Conference>();

  constructor(private readonly world: World) {}

  reset(): void {
    this.conferences.clear();
  }

  require(id: string): Conference {
    const conf = this.conferences.get(id);
    if (!conf) throw notFound("conference", id);
    return conf;
  }

  create(
    leg: Leg,
    name: string,
    options: { endOnExit?: boolean | undefined; muted?: boolean | undefined },
  ): Conference {
    if (leg.state !== "answered") throw badState(`Call '${leg.ccid}' must be answered to create a conference.`);
    const now = new Date().toISOString();
    const conf: Conference = {
      id: this.world.rng.uuid(),
      name,
      connectionId: leg.connectionId,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
      status: "in_progress",
      endReason: null,
      participants: new Map(),
    };
    this.conferences.set(conf.id, conf);
    this.world.calls.emit(leg, "conference.created", { conference_id: conf.id, occurred_at: leg.clock.iso() });
    this.join(conf, leg, options);
    return conf;
  }

  join(
    conf: Conference,
    leg: Leg,
    options: { endOnExit?: boolean | undefined; muted?: boolean | undefined; hold?: boolean | undefined },
  ): void {
    if (conf.status === "completed") throw badState(`Conference '${conf.id}' has ended.`);
    if (leg.state !== "answered") throw badState(`Call '${leg.ccid}' must be answered to join a conference.`);
    if (leg.conferenceId && leg.conferenceId !== conf.id)
      throw badState(`Call '${leg.ccid}' is already in another conference.`);
    const now = new Date().toISOString();
    const existing = conf.participants.get(leg.ccid);
    if (existing && existing.status === "joined") return;
    if (leg.bridgedWith) {
      const partner = this.world.calls.legs.get(leg.bridgedWith);
      if (partner) partner.bridgedWith = null;
      leg.bridgedWith = null;
      this.world.verto.onUnbridged(leg);
    }
    conf.participants.set(leg.ccid, {
      id: this.world.rng.uuid(),
      ccid: leg.ccid,
      legId: leg.legId,
      muted: options.muted ?? false,
      onHold: options.hold ?? false,
      status: "joined",
      supervisorRole: "none",
      whisperIds: [],
      endConferenceOnExit: options.endOnExit ?? false,
      createdAt: now,
      updatedAt: now,
    });
    leg.conferenceId = conf.id;
    this.world.calls.emit(leg, "conference.participant.joined", { conference_id: conf.id });
  }

  leave(conf: Conference, leg: Leg): void {
    const participant = conf.participants.get(leg.ccid);
    if (participant?.status !== "joined") throw badState(`Call '${leg.ccid}' is not in conference '${conf.id}'.`);
    this.removeParticipant(conf, leg, participant);
  }

  onLegEnded(leg: Leg): void {
    const conf = leg.conferenceId ? this.conferences.get(leg.conferenceId) : undefined;
    const participant = conf?.participants.get(leg.ccid);
    if (conf && participant && participant.status === "joined") this.removeParticipant(conf, leg, participant);
  }

  /** mute / unmute / hold / unhold on the listed legs, or on every participant when none are listed. */
  setFlag(conf: Conference, ccids: string[] | undefined, flag: "muted" | "onHold", value: boolean): void {
    const targets = ccids && ccids.length > 0 ? ccids : [...conf.participants.keys()];
    for (const ccid of targets) {
      const p = conf.participants.get(ccid);
      if (p?.status !== "joined") throw badState(`Call '${ccid}' is not in conference '${conf.id}'.`);
      p[flag] = value;
      p.updatedAt = new Date().toISOString();
    }
    conf.updatedAt = new Date().toISOString();
  }

  setSupervisorRole(conf: Conference, ccid: string, role: Participant["supervisorRole"], whisperIds: string[]): void {
    const p = conf.participants.get(ccid);
    if (p?.status !== "joined") throw badState(`Call '${ccid}' is not in conference '${conf.id}'.`);
    p.supervisorRole = role;
    p.whisperIds = whisperIds;
    p.updatedAt = new Date().toISOString();
  }

  private removeParticipant(conf: Conference, leg: Leg, participant: Participant): void {
    participant.status = "left";
    participant.updatedAt = new Date().toISOString();
    leg.conferenceId = null;
    this.world.calls.emit(leg, "conference.participant.left", { conference_id: conf.id });
    const remaining = [...conf.participants.values()].filter((p) => p.status === "joined");
    if (participant.endConferenceOnExit) {
      for (const p of remaining) {
        const other = this.world.calls.legs.get(p.ccid);
        if (other) this.removeParticipant(conf, other, p);
      }
      if (conf.status !== "completed") this.finish(conf, leg, "host_left");
      return;
    }
    if (remaining.length === 0 && conf.status !== "completed") this.finish(conf, leg, "all_left");
  }

  private finish(conf: Conference, leg: Leg, reason: "all_left" | "host_left"): void {
    conf.status = "completed";
    conf.endReason = reason;
    conf.updatedAt = new Date().toISOString();
    this.world.emit(
      leg.ccid,
      "conference.ended",
      { ...basePayload(leg), conference_id: conf.id, occurred_at: leg.clock.iso(), reason },
      leg.target,
      leg.clock.iso(),
    );
  }

  toWire(conf: Conference): Record<string, unknown> {
    return {
      id: conf.id,
      record_type: "conference",
      name: conf.name,
      connection_id: conf.connectionId,
      created_at: conf.createdAt,
      updated_at: conf.updatedAt,
      expires_at: conf.expiresAt,
      status: conf.status,
      region: "US",
      ...(conf.endReason ? { end_reason: conf.endReason } : {}),
    };
  }

  participantToWire(conf: Conference, p: Participant): Record<string, unknown> {
    return {
      id: p.id,
      record_type: "participant",
      call_control_id: p.ccid,
      call_leg_id: p.legId,
      conference: { id: conf.id, name: conf.name },
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      end_conference_on_exit: p.endConferenceOnExit,
      soft_end_conference_on_exit: false,
      muted: p.muted,
      on_hold: p.onHold,
      status: p.status,
      supervisor_role: p.supervisorRole,
      whisper_call_control_ids: p.whisperIds,
    };
  }
}
