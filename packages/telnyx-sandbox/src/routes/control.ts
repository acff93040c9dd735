import type { FastifyInstance } from "fastify";
import { ApiError, E164, invalidParam, notE164, notFound, optionalString, requireString } from "../http/errors.js";
import type { FaultKind } from "../http/faults.js";
import { bodyOf, optionalBoolean, optionalNumber, optionalStringArray, paramOf, queryOf } from "../http/helpers.js";
import { queryString } from "../http/query.js";
import { buildMp3, buildWav, parseRange } from "../media/audio.js";
import type { World } from "../world.js";

const FAULT_KINDS: FaultKind[] = ["429", "500", "503", "slow", "timeout"];

/** The sandbox's own control API (not Telnyx): drive the far end, inject faults and chaos, inspect deliveries. */
export function registerControlRoutes(app: FastifyInstance, world: World): void {
  // Telnyx shows an account's public key only in its portal; here a Bearer key names the account (none: the default).
  app.get("/public-key", async (request) => {
    const key = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
    if (key === undefined) return { public_key: world.publicKey };
    const account = world.accounts.resolve(key);
    if (!account)
      throw new ApiError(401, "10009", "Authentication failed", "The API key provided is missing or invalid.");
    return { public_key: account.signer.publicKey };
  });

  /** Opens another customer's account: its own API key and webhook signing key. */
  app.post("/accounts", async () => {
    const account = world.accounts.create();
    return { data: { id: account.id, api_key: account.apiKey, public_key: account.signer.publicKey } };
  });

  app.post("/reset", async () => {
    world.reset();
    return { ok: true };
  });

  app.post("/time-scale", async (request) => {
    const scale = optionalNumber(bodyOf(request), "scale");
    if (scale === undefined || scale < 0) throw invalidParam("scale", "'scale' must be a number >= 0.");
    world.setTimeScale(scale);
    return { time_scale: world.timeScale };
  });

  app.post("/inbound-call", async (request) => {
    const body = bodyOf(request);
    const from = requireString(body, "from");
    const to = requireString(body, "to");
    if (!E164.test(from) && !from.startsWith("sip:")) throw notE164("from", from);
    const owned = world.findNumber(to);
    if (!owned)
      throw new ApiError(404, "10005", "Resource not found", `'${to}' is not an active number on this account.`, "/to");
    if (!owned.connection_id)
      throw new ApiError(
        422,
        "10015",
        "Bad Request",
        `'${to}' has no connection_id: the call would not be routed.`,
        "/to",
      );
    const leg = world.calls.inbound(from, to, owned.connection_id);
    return {
      data: {
        call_control_id: leg.ccid,
        call_leg_id: leg.legId,
        call_session_id: leg.sessionId,
        connection_id: leg.connectionId,
      },
    };
  });

  app.post("/inbound-message", async (request) => {
    const body = bodyOf(request);
    const from = requireString(body, "from");
    const to = requireString(body, "to");
    if (!E164.test(from)) throw notE164("from", from);
    const owned = world.findNumber(to);
    if (!owned)
      throw new ApiError(404, "10005", "Resource not found", `'${to}' is not an active number on this account.`, "/to");
    const message = world.messaging.receive({
      from,
      to,
      text: optionalString(body, "text") ?? "",
      mediaUrls: optionalStringArray(body, "media_urls") ?? [],
      profileId: owned.messaging_profile_id,
    });
    return { data: message };
  });

  app.post("/calls/:ccid/hangup", async (request) => {
    world.calls.hangupByFarEnd(world.calls.require(paramOf(request, "ccid")));
    return { ok: true };
  });

  app.post("/calls/:ccid/dtmf", async (request) => {
    world.calls.media.receiveDtmf(
      world.calls.require(paramOf(request, "ccid")),
      requireString(bodyOf(request), "digits"),
    );
    return { ok: true };
  });

  app.get("/faults", async () => ({ data: world.faults.faults }));
  app.post("/faults", async (request) => {
    const body = bodyOf(request);
    const path = optionalString(body, "path") ?? optionalString(body, "endpoint");
    if (!path) throw invalidParam("path", "'path' (or 'endpoint') is required, e.g. '/messages' or '/calls/*'.");
    const kind = String(body["kind"] ?? "") as FaultKind;
    if (!FAULT_KINDS.includes(kind)) throw invalidParam("kind", `'kind' must be one of ${FAULT_KINDS.join(", ")}.`);
    const count = body["count"] === null ? null : optionalNumber(body, "count");
    const fault = world.faults.add({
      path,
      method: optionalString(body, "method") ?? null,
      kind,
      count,
      retry_after: optionalNumber(body, "retry_after") ?? 1,
      delay_ms: optionalNumber(body, "delay_ms") ?? (kind === "timeout" ? 65_000 : 3000),
    });
    return { data: fault };
  });
  app.delete("/faults", async () => {
    world.faults.faults.length = 0;
    return { ok: true };
  });

  app.get("/requests", async () => ({ data: world.faults.requests }));

  app.post("/chaos", async (request) => {
    const body = bodyOf(request);
    const rate = optionalNumber(body, "duplicate_rate") ?? 0;
    if (rate < 0 || rate > 1) throw invalidParam("duplicate_rate", "'duplicate_rate' must be between 0 and 1.");
    world.webhooks.chaos = {
      duplicate_rate: rate,
      reorder: optionalBoolean(body, "reorder") ?? false,
      delay_ms_max: optionalNumber(body, "delay_ms_max") ?? 0,
      drop_event_types: optionalStringArray(body, "drop_event_types") ?? [],
    };
    return { data: world.webhooks.chaos };
  });

  app.get("/webhooks", async (request) => {
    const query = queryOf(request);
    const type = queryString(query, "event_type");
    const status = queryString(query, "status");
    return {
      data: world.webhooks.log.filter((d) => (!type || d.event_type === type) && (!status || d.status === status)),
    };
  });

  app.get("/recordings/:file", async (request, reply) => {
    const match = /^(.+)\.(wav|mp3)$/.exec(paramOf(request, "file"));
    const recording = match ? world.recordings.get(match[1] ?? "") : undefined;
    if (!match || !recording) throw notFound("recording", paramOf(request, "file"));
    const bytes =
      match[2] === "wav"
        ? buildWav(recording.duration_millis, world.recordingAudio.get(recording.id))
        : buildMp3(recording.duration_millis);
    reply.header("content-type", match[2] === "wav" ? "audio/wav" : "audio/mpeg");
    reply.header("accept-ranges", "bytes");
    const range = parseRange(request.headers.range, bytes.length);
    if (range === "invalid") {
      reply.header("content-range", `bytes */${bytes.length}`);
      return reply.status(416).send();
    }
    if (!range) return reply.send(bytes);
    reply.header("content-range", `bytes ${range.start}-${range.end}/${bytes.length}`);
    return reply.status(206).send(bytes.subarray(range.start, range.end + 1));
  });
}
