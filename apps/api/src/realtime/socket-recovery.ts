/**
 * socket.io's connection-state recovery, held to the handshake. Out of the box a recovered socket
 * gets its rooms back and its missed packets written to the wire in the Socket constructor, before
 * any middleware runs, so a client whose credential was revoked while it was away could still read.
 * Here the adapter hands the Socket nothing (no rooms, no packets); the middleware authenticates the
 * handshake as usual (skipMiddlewares: false), and the missed packets are replayed only when the
 * same credential, with the same role, recovered. Otherwise the connection is a fresh one: its
 * rooms are those of the new role and the client is told it did not recover (it re-lists).
 */
import { randomBytes } from "node:crypto";
import type { Socket } from "socket.io";
import type { SocketData } from "@app/telnyx-core/realtime/events";

interface HeldSession {
  data: Partial<SocketData>;
  missedPackets: unknown[][];
}

interface RecoverableAdapter {
  restoreSession(
    pid: string,
    offset: string,
  ): Promise<{ rooms: unknown; data: unknown; missedPackets: unknown[][] } | null>;
}

// Keyed by the placeholder object the Socket receives as its `data`; the middleware takes it out.
const heldByPlaceholder = new WeakMap<object, HeldSession>();
const heldBySocket = new WeakMap<Socket, HeldSession>();

export function holdRecoveredSessions(adapter: RecoverableAdapter): void {
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    if (!session) return session;
    const placeholder = {};
    heldByPlaceholder.set(placeholder, {
      data: (session.data ?? {}) as Partial<SocketData>,
      missedPackets: session.missedPackets,
    });
    return { ...session, rooms: [], data: placeholder, missedPackets: [] };
  };
}

/** In the middleware, before socket.data is replaced by the handshake's credential. */
export function takeHeldSession(socket: Socket): void {
  const held = heldByPlaceholder.get(socket.data as object);
  if (held) heldBySocket.set(socket, held);
}

/**
 * In the middleware, once the handshake is authenticated: a recovery by another credential or role
 * becomes a fresh connection (new private id: the client sees `recovered: false` and re-lists).
 */
export function settleRecovery(socket: Socket, authenticated: SocketData): void {
  if (!socket.recovered) return;
  const held = heldBySocket.get(socket);
  if (held && isSameCredential(held.data, authenticated)) return;
  heldBySocket.delete(socket);
  Object.assign(socket, { recovered: false, pid: randomBytes(15).toString("base64url") });
}

/** In the connection handler: a recovered socket receives what it missed while away. */
export function replayMissed(socket: Socket): void {
  const held = heldBySocket.get(socket);
  heldBySocket.delete(socket);
  if (!held || !socket.recovered) return;
  for (const packet of held.missedPackets) (socket.emit as (...args: unknown[]) => boolean)(...packet);
}

function isSameCredential(before: Partial<SocketData>, now: SocketData): boolean {
  return (
    before.organizationId === now.organizationId &&
    before.userId === now.userId &&
    before.role === now.role &&
    before.sessionId === now.sessionId &&
    before.tokenId === now.tokenId &&
    before.kioskId === now.kioskId &&
    // The missed packets are batches or single events, as the socket was: it must still want the same.
    Boolean(before.isBatched) === Boolean(now.isBatched)
  );
}
