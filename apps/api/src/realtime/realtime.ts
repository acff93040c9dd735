/**
 * socket.io on the API's HTTP server: the handshake is authenticated exactly like HTTP requests
 * (session cookie or Bearer token); sockets join `org:<id>` and `user:<id>`. With REDIS_URL the
 * Redis adapter carries broadcasts across API instances.
 */
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import {
  kioskRoom,
  orgRoom,
  sessionRoom,
  userRoom,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type Publisher,
  type SocketData,
} from "@app/telnyx-core/realtime/events";
import type { AuthContext } from "../auth/auth-context";

export const tokenRoom = (tokenId: string) => `token:${tokenId}`;

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  io: RealtimeServer;
  publisher: Publisher;
  toOrganization(organizationId: string): ReturnType<RealtimeServer["to"]>;
  toUser(userId: string): ReturnType<RealtimeServer["to"]>;
  disconnectSession(sessionId: string | undefined): void;
  /** Closes every socket authenticated by this API token (on revocation). */
  disconnectToken(tokenId: string): void;
  /** Closes every wallboard kiosk socket opened with this kiosk link (on revocation). */
  disconnectKiosk(kioskId: string): void;
  close(): Promise<void>;
}

export interface RealtimeDeps {
  resolveCaller(headers: { authorization?: string; cookie?: string }): Promise<AuthContext | null>;
  /** Wallboard kiosk links (`auth: { kiosk }`): read-only, organization room only. */
  resolveKiosk?(token: string): Promise<{ kioskId: string; organizationId: string } | null>;
  redisUrl?: string;
  allowedOrigin?: string;
}

function bearerFrom(auth: Record<string, unknown> | undefined): string | undefined {
  const token = auth?.token;
  return typeof token === "string" && token ? `Bearer ${token}` : undefined;
}

export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    cors: deps.allowedOrigin ? { origin: deps.allowedOrigin, credentials: true } : undefined,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
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

  io.use(async (socket, next) => {
    try {
      const headers = socket.handshake.headers;
      const kioskToken = socket.handshake.auth?.kiosk;
      if (typeof kioskToken === "string" && kioskToken) {
        const kiosk = await deps.resolveKiosk?.(kioskToken);
        if (!kiosk) return next(new Error("UNAUTHORIZED"));
        socket.data = { userId: `kiosk:${kiosk.kioskId}`, organizationId: kiosk.organizationId, role: "AGENT", kioskId: kiosk.kioskId };
        return next();
      }
      const authorization = bearerFrom(socket.handshake.auth) ?? headers.authorization;
      const caller = await deps.resolveCaller({ authorization, cookie: headers.cookie });
      if (!caller) return next(new Error("UNAUTHORIZED"));
      socket.data = {
        userId: caller.userId,
        organizationId: caller.organizationId,
        role: caller.role,
        sessionId: caller.sessionId,
        tokenId: caller.tokenId,
      };
      next();
    } catch {
      next(new Error("UNAVAILABLE"));
    }
  });

  io.on("connection", (socket) => {
    const { userId, organizationId, role, sessionId, tokenId, kioskId } = socket.data;
    if (kioskId) {
      void socket.join([orgRoom(organizationId), kioskRoom(kioskId)]);
      socket.emit("ready", { userId, organizationId, role });
      return;
    }
    void socket.join([
      orgRoom(organizationId),
      userRoom(userId),
      ...(sessionId ? [sessionRoom(sessionId)] : []),
      ...(tokenId ? [tokenRoom(tokenId)] : []),
    ]);
    socket.emit("ready", { userId, organizationId, role });
  });

  const publisher: Publisher = {
    toOrganization(organizationId, event, payload) {
      (io.to(orgRoom(organizationId)).emit as (event: string, payload: unknown) => boolean)(event, payload);
    },
    toUser(userId, event, payload) {
      (io.to(userRoom(userId)).emit as (event: string, payload: unknown) => boolean)(event, payload);
    },
  };

  return {
    io,
    publisher,
    toOrganization: (organizationId) => io.to(orgRoom(organizationId)),
    toUser: (userId) => io.to(userRoom(userId)),
    disconnectSession(sessionId) {
      if (sessionId) io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    disconnectToken(tokenId) {
      io.in(tokenRoom(tokenId)).disconnectSockets(true);
    },
    disconnectKiosk(kioskId) {
      io.in(kioskRoom(kioskId)).disconnectSockets(true);
    },
    async close() {
      // The HTTP server belongs to Fastify, which closes it; here only sockets and the engine.
      io.disconnectSockets(true);
      io.engine.close();
      await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
