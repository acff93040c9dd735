/**
 * A TCP proxy in front of PostgreSQL for outage tests: `cut()` behaves like a stopped server for
 * the API behind it (every open connection is destroyed, new ones are dropped at once), `restore()`
 * lets connections through again. The machine's PostgreSQL itself keeps running for everyone else.
 */
import { createServer, connect, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string;
  cut(): void;
  restore(): void;
  isCut(): boolean;
  /** Connections refused while cut. */
  refused(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isDown = false;
  let refusedCount = 0;
  const server = createServer((client) => {
    if (isDown) {
      refusedCount += 1;
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    open.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    cut() {
      isDown = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      isDown = false;
    },
    isCut: () => isDown,
    refused: () => refusedCount,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
