import type { FastifyInstance } from "fastify";
import type { World } from "../world.js";

/**
 * `GET /sandbox/webrtc`: the WebRTC gateway's browsers and calls, with the sandbox peer's packet counts — how a test
 * running the sandbox in another process (the API's embedded mode, `pnpm sandbox`) confirms audio reached it.
 */
export function registerWebrtcControlRoutes(app: FastifyInstance, world: World): void {
  app.get("/webrtc", async () => world.verto.snapshot());
}
