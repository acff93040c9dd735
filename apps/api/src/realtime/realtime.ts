/**
 * socket.io on the API's HTTP server, held to HTTP's rules: the handshake (also of a recovered
 * connection) is authenticated like an HTTP request (session cookie, Bearer token or kiosk link),
 * a cookie handshake must come from our own origin, and each socket joins the rooms of what its
 * role may read (realtime-publisher.ts). Revoking a credential closes its sockets on every
 * instance (the Redis adapter carries disconnectSockets with REDIS_URL).
 */
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server, type Socket } from "socket.io";
import {
  agentRoom,
  agentsRoom,
  batchedRoom,
  kioskRoom,
  memberRoom,
  sessionRoom,
  staffRoom,
  userRoom,
  wallboardRoom,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from "@app/telnyx-core/realtime/events";
import { isBatchOptIn } from "@app/telnyx-core/realtime/frames";
import type { AuthContext } from "../auth/auth-context";
import type { MemberKey } from "../auth/memberships";
import { isOwnOrigin, requestSourceOf } from "../auth/request-origin";
import { cookieValue, SESSION_COOKIE } from "../auth/sessions";
import { watchMembers, type MemberRolesLookup } from "./member-watch";
import { trackPresence, type PresenceOptions } from "./presence-tracker";
import { createRoutingPublisher, type RoutingPublisher } from "./realtime-publisher";
import { holdRecoveredSessions, replayMissed, settleRecovery, takeHeldSession } from "./socket-recovery";

export const tokenRoom = (tokenId: string) => `token:${tokenId}`;

export const DEFAULT_MAX_SOCKETS_PER_CREDENTIAL = 20;

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  io: RealtimeServer;
  publisher: RoutingPublisher;
  disconnectSession(sessionId: string | undefined): void;
  /** Closes every socket authenticated by this API token (on revocation). */
  disconnectToken(tokenId: string): void;
  /** Closes every wallboard kiosk socket opened with this kiosk link (on revocation). */
  disconnectKiosk(kioskId: string): void;
  /** Closes every socket of this member (membership removed or role changed). */
  disconnectMember(member: MemberKey): void;
  close(): Promise<void>;
}

export interface RealtimeDeps {
  resolveCaller(headers: { authorization?: string; cookie?: string }): Promise<AuthContext | null>;
  /** Wallboard kiosk links (`auth: { kiosk }`): read-only, wallboard room only. */
  resolveKiosk?(token: string): Promise<{ kioskId: string; organizationId: string } | null>;
  /** The member's current role (null: not a member): the baseline membership changes are detected against. */
  memberRoleOf?(member: MemberKey): Promise<string | null>;
  memberRolesOf?: MemberRolesLookup;
  redisUrl?: string;
  /** APP_URL: a cookie handshake must come from its origin or from the host it was sent to. */
  appUrl?: string;
  allowedOrigin?: string;
  maxSocketsPerCredential?: number;
  /** Server-owned presence from the members' sockets (presence-tracker.ts); none in socket-only tests. */
  presence?: PresenceOptions;
  /** How long events are coalesced for sockets that opted in to batches (REALTIME_FRAME_WINDOW_MS, default 10). */
  frameWindowMs?: number;
}

function bearerFrom(auth: Record<string, unknown> | undefined): string | undefined {
  const token = auth?.token;
  return typeof token === "string" && token ? `Bearer ${token}` : undefined;
}

function refusal(code: string, message: string): Error {
  return Object.assign(new Error(code), { data: { message } });
}

function credentialOf(data: SocketData): string {
  if (data.kioskId) return kioskRoom(data.kioskId);
  if (data.tokenId) return tokenRoom(data.tokenId);
  return sessionRoom(data.sessionId ?? data.userId);
}

/** Rooms the publisher emits to (realtime-publisher.ts); a socket that opted in to batches joins their variants. */
export function dataRoomsOf(data: SocketData): string[] {
  const { organizationId, userId, role, kioskId } = data;
  if (kioskId) return [wallboardRoom(organizationId)];
  return [
    role === "AGENT" ? agentsRoom(organizationId) : staffRoom(organizationId),
    ...(role === "AGENT" ? [agentRoom(organizationId, userId)] : []),
    userRoom(userId),
  ];
}

function roomsOf(data: SocketData): string[] {
  const { organizationId, userId, kioskId, sessionId, tokenId } = data;
  const dataRooms = dataRoomsOf(data);
  const joined = data.isBatched ? dataRooms.map(batchedRoom) : dataRooms;
  if (kioskId) return [...joined, kioskRoom(kioskId)];
  return [
    ...joined,
    memberRoom(organizationId, userId),
    ...(sessionId ? [sessionRoom(sessionId)] : []),
    ...(tokenId ? [tokenRoom(tokenId)] : []),
  ];
}

export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
  const maxPerCredential = deps.maxSocketsPerCredential ?? DEFAULT_MAX_SOCKETS_PER_CREDENTIAL;
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    cors: deps.allowedOrigin ? { origin: deps.allowedOrigin, credentials: true } : undefined,
    // A recovered connection is authenticated again (socket-recovery.ts).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // Broadcasts are serialized and framed once for every socket (socket.io-adapter's pre-encoded
    // WebSocket frame), which compression would turn back into per-socket work.
    perMessageDeflate: false,
    // Clients send no events of their own (ClientToServerEvents is empty): the handshake and pings
    // are a few hundred bytes, so a large message is abuse, not traffic.
    maxHttpBufferSize: 64 * 1024,
  });
  const clients: Redis[] = [];
  if (deps.redisUrl) {
    const pub = new Redis(deps.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    clients.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
  }
  holdRecoveredSessions(io.of("/").adapter);
  // Sockets per credential on this instance (socket ids, reserved at the handshake).
  const socketsByCredential = new Map<string, Set<string>>();

  const authenticate = async (socket: RealtimeSocket): Promise<SocketData | Error> => {
    const headers = socket.handshake.headers;
    const kioskToken = socket.handshake.auth?.kiosk;
    const frames = isBatchOptIn(socket.handshake.auth) ? { isBatched: true } : {};
    if (typeof kioskToken === "string" && kioskToken) {
      const kiosk = await deps.resolveKiosk?.(kioskToken);
      if (!kiosk) return refusal("UNAUTHORIZED", "This wallboard link was revoked or is invalid.");
      return {
        userId: `kiosk:${kiosk.kioskId}`,
        organizationId: kiosk.organizationId,
        role: "AGENT",
        kioskId: kiosk.kioskId,
        ...frames,
      };
    }
    const authorization = bearerFrom(socket.handshake.auth) ?? headers.authorization;
    // The session cookie is ambient: a page of another origin must not open a socket with it.
    // Same-origin polling requests carry neither Origin nor Referer (Referrer-Policy: no-referrer),
    // cross-origin ones always carry Origin, so only a present, foreign source is refused.
    if (!authorization && cookieValue(headers.cookie, SESSION_COOKIE)) {
      const source = requestSourceOf(headers);
      if (source && !isOwnOrigin(source, headers.host, deps.appUrl))
        return refusal("FORBIDDEN", "Cross-site connection refused.");
    }
    const caller = await deps.resolveCaller({ authorization, cookie: headers.cookie });
    if (!caller) return refusal("UNAUTHORIZED", "Please log in.");
    const member = { organizationId: caller.organizationId, userId: caller.userId };
    const memberRole = caller.via === "session" ? caller.role : await deps.memberRoleOf?.(member);
    return {
      ...member,
      role: caller.role,
      sessionId: caller.sessionId,
      tokenId: caller.tokenId,
      memberRole: (memberRole ?? undefined) as SocketData["memberRole"],
      ...frames,
    };
  };

  io.use(async (socket, next) => {
    takeHeldSession(socket);
    try {
      const result = await authenticate(socket);
      if (result instanceof Error) return next(result);
      const credential = credentialOf(result);
      const open = socketsByCredential.get(credential) ?? new Set<string>();
      if (open.size >= maxPerCredential) {
        return next(
          refusal(
            "TOO_MANY_CONNECTIONS",
            `At most ${maxPerCredential} live connections per login, API token or wallboard link: close another tab or tool.`,
          ),
        );
      }
      open.add(socket.id);
      socketsByCredential.set(credential, open);
      const release = () => {
        open.delete(socket.id);
        if (open.size === 0 && socketsByCredential.get(credential) === open) socketsByCredential.delete(credential);
      };
      socket.once("disconnect", release);
      socket.conn.once("close", release);
      settleRecovery(socket, result);
      socket.data = result;
      next();
    } catch {
      next(refusal("UNAVAILABLE", "The live connection is unavailable, retrying."));
    }
  });

  io.on("connection", (socket) => {
    const { userId, organizationId, role } = socket.data;
    void socket.join(roomsOf(socket.data));
    replayMissed(socket);
    socket.emit("ready", { userId, organizationId, role });
  });

  const stopWatching = deps.memberRolesOf ? watchMembers(io, deps.memberRolesOf) : () => undefined;
  const publisher = createRoutingPublisher(io, { frameWindowMs: deps.frameWindowMs });
  const presence = deps.presence ? trackPresence(io, publisher, deps.presence) : null;

  return {
    io,
    publisher,
    disconnectSession(sessionId) {
      if (sessionId) io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    disconnectToken(tokenId) {
      io.in(tokenRoom(tokenId)).disconnectSockets(true);
    },
    disconnectKiosk(kioskId) {
      io.in(kioskRoom(kioskId)).disconnectSockets(true);
    },
    disconnectMember(member) {
      io.in(memberRoom(member.organizationId, member.userId)).disconnectSockets(true);
    },
    async close() {
      stopWatching();
      publisher.flush();
      // Only this instance's sockets: with the Redis adapter a plain disconnectSockets reaches every instance.
      // The HTTP server belongs to Fastify, which closes it; here only sockets and the engine.
      io.local.disconnectSockets(true);
      // Their departures are stamped (presence checks other instances or the next start settle).
      await presence?.stop();
      // What stopping published, to the other instances' batched sockets.
      publisher.flush();
      io.engine.close();
      await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
