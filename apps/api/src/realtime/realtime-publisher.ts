/**
 * The Publisher the domain emits through: every organization event goes to the staff room in full,
 * to the agents EVENT_AUDIENCE lets read it, and in wallboard shape to kiosks. Appliers and
 * procedures keep emitting to "the organization"; who receives what is decided here only.
 * Each event goes out twice: at once, one packet per event, to the rooms of sockets that did not opt
 * in to batches, and through the frame coalescer to the batched variants of the same rooms.
 */
import { EVENT_AUDIENCE, type EventAudience } from "@app/telnyx-core/realtime/event-audience";
import {
  agentRoom,
  agentsRoom,
  batchedRoom,
  staffRoom,
  userRoom,
  wallboardRoom,
  type Publisher,
  type ServerEventName,
  type ServerEventPayload,
} from "@app/telnyx-core/realtime/events";
import { createFrameCoalescer, DEFAULT_FRAME_WINDOW_MS } from "./frame-coalescer";
import type { RealtimeServer } from "./realtime";

/** A data room and what its sockets have in common (see mayShareSocket). */
export interface Lane {
  room: string;
  kind: "staff" | "agents" | "wallboard" | "user";
  organizationId?: string;
  /** An agent's own room or a user's room: that user's sockets only. */
  userId?: string;
}

/**
 * Mirrors roomsOf (realtime.ts): kiosks join the wallboard room only; a member socket is staff or
 * agent of one organization (and joins its own user room); one user's rooms hold that user's sockets.
 */
export function mayShareSocket(a: Lane, b: Lane): boolean {
  if ((a.kind === "wallboard") !== (b.kind === "wallboard")) return false;
  const isEitherUser = a.kind === "user" || b.kind === "user";
  if (!isEitherUser && (a.kind !== b.kind || a.organizationId !== b.organizationId)) return false;
  return a.userId === undefined || b.userId === undefined || a.userId === b.userId;
}

export interface RoutingPublisher extends Publisher {
  /** Sends the coalesced window now (before shutdown). */
  flush(): void;
}

export function createRoutingPublisher(io: RealtimeServer, options: { frameWindowMs?: number } = {}): RoutingPublisher {
  const coalescer = createFrameCoalescer<Lane>({
    windowMs: options.frameWindowMs ?? DEFAULT_FRAME_WINDOW_MS,
    mayShareSocket,
    send: (lane, items) => io.to(batchedRoom(lane.room)).emit("batch", items),
  });
  const publish = (lanes: Lane[], event: ServerEventName, payload: unknown) => {
    (io.to(lanes.map((lane) => lane.room)).emit as (event: string, payload: unknown) => boolean)(event, payload);
    for (const lane of lanes) coalescer.add(lane, [event, payload]);
  };

  return {
    toOrganization<E extends ServerEventName>(organizationId: string, event: E, payload: ServerEventPayload<E>) {
      const audience = EVENT_AUDIENCE[event] as EventAudience<E>;
      const readers = audience.agents(payload);
      const lanes: Lane[] = [{ room: staffRoom(organizationId), kind: "staff", organizationId }];
      if (readers === "all") lanes.push({ room: agentsRoom(organizationId), kind: "agents", organizationId });
      else if (readers !== "none")
        lanes.push({
          room: agentRoom(organizationId, readers.userId),
          kind: "agents",
          organizationId,
          userId: readers.userId,
        });
      publish(lanes, event, payload);
      const kioskPayload = audience.kiosk(payload);
      if (kioskPayload !== null)
        publish([{ room: wallboardRoom(organizationId), kind: "wallboard", organizationId }], event, kioskPayload);
    },
    toUser(userId, event, payload) {
      publish([{ room: userRoom(userId), kind: "user", userId }], event, payload);
    },
    flush: coalescer.flush,
  };
}
