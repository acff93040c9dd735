/**
 * Validated subscriptions to the server's live events on the tab's one socket. Every payload is
 * parsed with the shared zod schema; a malformed one is dropped (and logged) instead of reaching
 * the cache.
 */
import { SERVER_EVENT_SCHEMAS, type ServerEventName, type ServerEventPayload } from "@app/telnyx-core/realtime/events";
import { getSocket } from "../lib/socket";

interface UntypedSocket {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

// lib/socket types only the events it uses itself; payloads here are `unknown` until parsed.
function getUntypedSocket(): UntypedSocket {
  return getSocket() as unknown as UntypedSocket;
}

export function onLiveEvent<E extends ServerEventName>(event: E, handler: (payload: ServerEventPayload<E>) => void): () => void {
  const schema = SERVER_EVENT_SCHEMAS[event];
  const listener = (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      console.warn(`Ignored a malformed "${event}" live event`, parsed.error.issues);
      return;
    }
    handler(parsed.data as ServerEventPayload<E>);
  };
  const socket = getUntypedSocket();
  socket.on(event, listener);
  return () => void socket.off(event, listener);
}

/** Runs on every (re)connection of the socket: the moment to catch up on anything missed. */
export function onLiveConnect(handler: () => void): () => void {
  const socket = getSocket();
  socket.on("connect", handler);
  return () => void socket.off("connect", handler);
}
