/**
 * Child process: opens SWARM_CLIENTS real socket.io clients to SWARM_URL (API token auth), counts
 * what they receive and every disconnect, and reports to the parent over IPC:
 * { type: "ready" } once all are connected, { type: "stats", ... } on request ("report"), then
 * closes everything on "stop". Lives in its own process so the test's load generator and the
 * clients do not compete for one event loop.
 */
import { io, type Socket } from "socket.io-client";

export interface SwarmStats {
  type: "stats";
  clients: number;
  connected: number;
  disconnects: number;
  disconnectReasons: Record<string, number>;
  received: Record<string, number>;
}

const url = process.env.SWARM_URL!;
const token = process.env.SWARM_TOKEN!;
const count = Number(process.env.SWARM_CLIENTS ?? 250);
const sockets: Socket[] = [];
const received: Record<string, number> = {};
const disconnectReasons: Record<string, number> = {};
let disconnects = 0;
let isStopping = false;

function stats(): SwarmStats {
  return {
    type: "stats",
    clients: sockets.length,
    connected: sockets.filter((s) => s.connected).length,
    disconnects,
    disconnectReasons,
    received,
  };
}

async function connectAll(): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const socket = io(url, { path: "/socket.io", transports: ["websocket"], auth: { token }, reconnection: false });
    socket.onAny((event: string) => (received[event] = (received[event] ?? 0) + 1));
    socket.on("disconnect", (reason) => {
      if (isStopping) return;
      disconnects += 1;
      disconnectReasons[reason] = (disconnectReasons[reason] ?? 0) + 1;
    });
    sockets.push(socket);
    // Connect in small waves: a thundering herd of handshakes is not what the soak measures.
    if (i % 25 === 24) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve, reject) => {
          if (socket.connected) return resolve();
          socket.once("ready", () => resolve());
          socket.once("connect_error", reject);
        }),
    ),
  );
}

process.on("message", (message: string) => {
  if (message === "report") process.send?.(stats());
  if (message === "stop") {
    isStopping = true;
    process.send?.(stats());
    for (const socket of sockets) socket.close();
    setTimeout(() => process.exit(0), 100);
  }
});
process.on("disconnect", () => process.exit(0));

connectAll().then(
  () => process.send?.({ type: "ready" }),
  (error: Error) => {
    process.send?.({ type: "error", message: error.message });
    process.exit(1);
  },
);
