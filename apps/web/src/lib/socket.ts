/**
 * The one socket.io connection of the tab. It is opened by the authenticated layout (the handshake
 * is authenticated by the session cookie) and its lifecycle is exposed as a small external store.
 * It opts in to coalesced delivery: each `batch` packet is unpacked, in order, into the listeners of
 * its events, so subscribers (live/live-events.ts) see single events as before.
 */
import type { ClientToServerEvents, ServerEventName, ServerToClientEvents } from "@app/telnyx-core/realtime/events";
import { BATCH_FRAMES_AUTH, unpackBatch } from "@app/telnyx-core/realtime/frames";
import { io, type Socket } from "socket.io-client";
import { env } from "../env";
import { initialLiveSnapshot, reduceLive, type LiveEvent, type LiveSnapshot } from "./live-state";

/** Typed by the server's own event map; subscribe through live/live-events' onLiveEvent, which validates payloads. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SERVER_DISCONNECT_RETRY_MS = 1_000;

let socket: AppSocket | undefined;
let retryTimer: number | undefined;
let snapshot: LiveSnapshot = initialLiveSnapshot;
const listeners = new Set<() => void>();

function dispatch(event: LiveEvent): void {
  snapshot = reduceLive(snapshot, event);
  for (const listener of listeners) listener();
}

/** A batched event reaches the listeners socket.io calls for the same event sent alone. */
function deliverToListeners(socket: AppSocket, event: string, payload: unknown): void {
  const listeners = socket.listeners(event as ServerEventName) as ((payload: unknown) => void)[];
  // A copy: a listener may unsubscribe while the event is delivered (as socket.io's own emit allows).
  for (const listener of [...listeners]) listener(payload);
}

function createSocket(): AppSocket {
  const created: AppSocket = io(env.socketUrl ?? "", {
    path: env.socketPath,
    withCredentials: true,
    autoConnect: false,
    auth: { ...BATCH_FRAMES_AUTH },
  });
  created.on("batch", (items) => unpackBatch(items, (event, payload) => deliverToListeners(created, event, payload)));
  created.on("connect", () => dispatch({ type: "connect", at: new Date() }));
  created.on("disconnect", (reason) => {
    dispatch({ type: "disconnect", reason });
    // socket.io never reconnects after a server-side disconnect (shutdown, deploy, revoked session).
    // Try once by hand: a restarted server accepts us, a revoked session fails the handshake (offline).
    if (reason === "io server disconnect")
      retryTimer = window.setTimeout(() => created.connect(), SERVER_DISCONNECT_RETRY_MS);
  });
  created.on("connect_error", (error) =>
    dispatch({ type: "connect_error", message: error.message, willRetry: created.active }),
  );
  created.io.on("reconnect_attempt", (attempt) => dispatch({ type: "reconnect_attempt", attempt }));
  created.io.on("reconnect_failed", () => dispatch({ type: "reconnect_failed" }));
  return created;
}

function handleOnline(): void {
  dispatch({ type: "network", isOnline: true });
  if (socket && !socket.connected && !socket.active) socket.connect();
}

function handleOffline(): void {
  dispatch({ type: "network", isOnline: false });
}

export function getSocket(): AppSocket {
  socket ??= createSocket();
  return socket;
}

export function openLiveConnection(): void {
  const current = getSocket();
  if (current.connected || current.active) return;
  window.addEventListener("online", handleOnline);
  window.addEventListener("offline", handleOffline);
  dispatch({ type: "network", isOnline: window.navigator.onLine });
  dispatch({ type: "start" });
  current.connect();
}

export function closeLiveConnection(): void {
  window.clearTimeout(retryTimer);
  window.removeEventListener("online", handleOnline);
  window.removeEventListener("offline", handleOffline);
  socket?.disconnect();
}

export function subscribeLive(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getLiveSnapshot(): LiveSnapshot {
  return snapshot;
}
