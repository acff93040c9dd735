/**
 * Validated subscriptions to the server's live events on the tab's one socket. Every payload is
 * parsed with the shared zod schema; a malformed one is dropped (and logged) instead of reaching
 * the cache. The schemas (zod, ~25 KB gzip) load with the first event, not with the page: events
 * that arrive meanwhile wait in one queue and are delivered in arrival order.
 */
import type { SERVER_EVENT_SCHEMAS, ServerEventName, ServerEventPayload } from "@app/telnyx-core/realtime/events";
import { getSocket } from "../lib/socket";

type Schemas = typeof SERVER_EVENT_SCHEMAS;

let schemas: Schemas | undefined;
let schemasLoading: Promise<void> | undefined;
const waiting: (() => void)[] = [];

function loadSchemas(): Promise<void> {
  schemasLoading ??= import("@app/telnyx-core/realtime/events").then(
    (module) => {
      schemas = module.SERVER_EVENT_SCHEMAS;
      for (const deliver of waiting.splice(0)) deliver();
    },
    (error: unknown) => {
      // A failed chunk load (deploy, network): the queued events are lost, the next event tries again.
      schemasLoading = undefined;
      waiting.length = 0;
      console.warn("Could not load the live event schemas", error);
    },
  );
  return schemasLoading;
}

/** Starts loading the schemas now, for screens that exist to show live events (the wallboard). */
export function preloadLiveEventSchemas(): void {
  void loadSchemas();
}

export function onLiveEvent<E extends ServerEventName>(
  event: E,
  handler: (payload: ServerEventPayload<E>) => void,
): () => void {
  let isSubscribed = true;
  const deliver = (raw: unknown, loaded: Schemas) => {
    if (!isSubscribed) return;
    const parsed = loaded[event].safeParse(raw);
    if (!parsed.success) {
      console.warn(`Ignored a malformed "${event}" live event`, parsed.error.issues);
      return;
    }
    handler(parsed.data as ServerEventPayload<E>);
  };
  const receive = (raw: unknown) => {
    if (schemas) return deliver(raw, schemas);
    waiting.push(() => deliver(raw, schemas!));
    void loadSchemas();
  };
  const socket = getSocket();
  // The map types what the server sends; on the wire a payload is JSON (dates are strings) until parsed.
  const listener = receive as Parameters<typeof socket.on<E>>[1];
  socket.on(event, listener);
  return () => {
    isSubscribed = false;
    socket.off(event, listener);
  };
}

/** Runs on every (re)connection of the socket: the moment to catch up on anything missed. */
export function onLiveConnect(handler: () => void): () => void {
  const socket = getSocket();
  socket.on("connect", handler);
  return () => void socket.off("connect", handler);
}
