import type { FastifyInstance } from "fastify";
import { notFound } from "../http/errors.js";
import { paramOf, queryOf } from "../http/helpers.js";
import { matchesRange, paginate, queryString } from "../http/query.js";
import type { World } from "../world.js";
import { recordingUrls } from "../world/call-media.js";
import type { Recording } from "../world/types.js";

export function registerRecordingRoutes(app: FastifyInstance, world: World): void {
  app.get("/recordings", async (request) => {
    const query = queryOf(request);
    const f = (key: string): string | undefined => queryString(query, "filter", key);
    const filter = typeof query["filter"] === "object" && !Array.isArray(query["filter"]) ? query["filter"] : {};
    const items = [...world.recordings.values()]
      .filter(
        (r) =>
          (!f("call_control_id") || r.call_control_id === f("call_control_id")) &&
          (!f("call_session_id") || r.call_session_id === f("call_session_id")),
      )
      .filter(
        (r) =>
          (!f("call_leg_id") || r.call_leg_id === f("call_leg_id")) &&
          (!f("conference_id") || r.conference_id === f("conference_id")),
      )
      .filter((r) => matchesRange(r.created_at, filter["created_at"]))
      .reverse()
      .map((r) => toWire(world, r));
    return paginate(items, query);
  });

  app.get("/recordings/:id", async (request) => ({
    data: toWire(world, requireRecording(world, paramOf(request, "id"))),
  }));

  app.delete("/recordings/:id", async (request) => {
    const rec = requireRecording(world, paramOf(request, "id"));
    world.recordings.delete(rec.id);
    return { data: toWire(world, rec) };
  });
}

function requireRecording(world: World, id: string): Recording {
  const rec = world.recordings.get(id);
  if (!rec) throw notFound("recording", id);
  return rec;
}

function toWire(world: World, r: Recording): Record<string, unknown> {
  return { ...r, download_urls: recordingUrls(world.origin, r.id) };
}
