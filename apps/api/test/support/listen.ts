/** Starts a Fastify app (the API, its /metrics app) on an ephemeral loopback port; resolves with its base URL. */
import type { FastifyInstance } from "fastify";

export async function listenOnFreePort(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${portOf(app)}`;
}

/** The port a listening app was given. */
export function portOf(app: FastifyInstance): number {
  const address = app.server.address();
  if (typeof address !== "object" || !address) throw new Error("the app is not listening on a TCP port");
  return address.port;
}
