/**
 * The Publisher the domain emits through: every organization event goes to the staff room in full,
 * to the agents EVENT_AUDIENCE lets read it, and in wallboard shape to kiosks. Appliers and
 * procedures keep emitting to "the organization"; who receives what is decided here only.
 */
import { EVENT_AUDIENCE, type EventAudience } from "@app/telnyx-core/realtime/event-audience";
import {
  agentRoom,
  agentsRoom,
  staffRoom,
  userRoom,
  wallboardRoom,
  type Publisher,
  type ServerEventName,
  type ServerEventPayload,
} from "@app/telnyx-core/realtime/events";
import type { RealtimeServer } from "./realtime";

export function createRoutingPublisher(io: RealtimeServer): Publisher {
  const emitTo = (rooms: string | string[], event: ServerEventName, payload: unknown) =>
    (io.to(rooms).emit as (event: string, payload: unknown) => boolean)(event, payload);

  return {
    toOrganization<E extends ServerEventName>(organizationId: string, event: E, payload: ServerEventPayload<E>) {
      const audience = EVENT_AUDIENCE[event] as EventAudience<E>;
      const readers = audience.agents(payload);
      const rooms = [staffRoom(organizationId)];
      if (readers === "all") rooms.push(agentsRoom(organizationId));
      else if (readers !== "none") rooms.push(agentRoom(organizationId, readers.userId));
      emitTo(rooms, event, payload);
      const kioskPayload = audience.kiosk(payload);
      if (kioskPayload !== null) emitTo(wallboardRoom(organizationId), event, kioskPayload);
    },
    toUser(userId, event, payload) {
      emitTo(userRoom(userId), event, payload);
    },
  };
}
