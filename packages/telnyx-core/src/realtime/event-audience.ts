/**
 * Who may receive each live event, by the same rules HTTP applies to the same data. Supervisors
 * and admins receive every event of their organization. Agents receive what they could read over
 * HTTP; wallboard kiosks receive wallboard-shaped payloads only. Every event name must have an
 * entry (a new event without one does not compile, and the socket tests enumerate this table).
 */
import { agentReadersOfCall } from "../calls/call-access";
import { toWallboardCall } from "../wallboard/wallboard-call";
import type { ServerEventName, ServerEventPayload } from "./events";

/** The organization's agents who may read an event: all of them, none, or one. */
export type AgentReaders = "all" | "none" | { userId: string };

export interface EventAudience<E extends ServerEventName> {
  agents(payload: ServerEventPayload<E>): AgentReaders;
  /** The payload a wallboard kiosk receives, or null: never sent to kiosks. */
  kiosk(payload: ServerEventPayload<E>): ServerEventPayload<E> | null;
}

const everyAgent = (): AgentReaders => "all";
const noAgent = (): AgentReaders => "none";
const noKiosk = () => null;
const sameForKiosk = <T>(payload: T): T => payload;

export const EVENT_AUDIENCE: { [E in ServerEventName]: EventAudience<E> } = {
  ready: { agents: everyAgent, kiosk: sameForKiosk },
  // calls.list / calls.get: callVisibilityWhere. The board shows live calls without line, cost or recording.
  "call:created": { agents: agentReadersOfCall, kiosk: toWallboardCall },
  "call:updated": { agents: agentReadersOfCall, kiosk: toWallboardCall },
  "call:incoming": { agents: (payload) => agentReadersOfCall(payload.call), kiosk: noKiosk },
  "call:incoming-cancelled": { agents: (payload) => ({ userId: payload.userId }), kiosk: noKiosk },
  // routing.queues.list is open to every member; the board shows queue sizes, longest wait and SLA.
  "queue:updated": { agents: everyAgent, kiosk: sameForKiosk },
  // callbacks.list: the team's callback list, read by every member.
  "callback:changed": { agents: everyAgent, kiosk: noKiosk },
  // messages.*: every member reads the organization's shared inbox; kiosks never see message text.
  "message:created": { agents: everyAgent, kiosk: noKiosk },
  "message:updated": { agents: everyAgent, kiosk: noKiosk },
  "optout:updated": { agents: everyAgent, kiosk: noKiosk },
  // numbers.list is open to every member.
  "number:updated": { agents: everyAgent, kiosk: noKiosk },
  // sync.runs / sync.get are for supervisors and admins.
  "sync:progress": { agents: noAgent, kiosk: noKiosk },
  // stats.*: an agent only ever reads their own figures (statsUserIdOf); the board shows the organization's.
  "stats:delta": { agents: (payload) => (payload.userId ? { userId: payload.userId } : "none"), kiosk: sameForKiosk },
  // agents.list is for supervisors and admins; an agent sees their own status. The board shows every agent.
  "agent:updated": { agents: (payload) => ({ userId: payload.userId }), kiosk: sameForKiosk },
};
