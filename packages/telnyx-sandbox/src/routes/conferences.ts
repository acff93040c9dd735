import type { FastifyInstance } from "fastify";
import { ApiError, invalidParam, missingParam, optionalString, requireString } from "../http/errors.js";
import { bodyOf, optionalBoolean, optionalStringArray, paramOf, queryOf } from "../http/helpers.js";
import { paginate, queryString } from "../http/query.js";
import type { World } from "../world.js";
import type { Conference, Participant } from "../world/conferences.js";

const OK = { data: { result: "ok" } };
const ROLES = ["barge", "monitor", "none", "whisper"] as const;

export function registerConferenceRoutes(app: FastifyInstance, world: World): void {
  const engine = world.conferences;

  app.post("/conferences", async (request) => {
    const body = bodyOf(request);
    const ccid = requireString(body, "call_control_id");
    const name = requireString(body, "name");
    const leg = world.calls.require(ccid);
    const conf = engine.create(leg, name, { endOnExit: optionalBoolean(body, "end_conference_on_exit") });
    return { data: engine.toWire(conf) };
  });

  app.get("/conferences", async (request) => {
    const query = queryOf(request);
    const name = queryString(query, "filter", "name");
    const status = queryString(query, "filter", "status");
    const items = [...engine.conferences.values()]
      .filter((c) => (!name || c.name === name) && (!status || c.status === status))
      .reverse()
      .map((c) => engine.toWire(c));
    return paginate(items, query);
  });

  app.get("/conferences/:id", async (request) => ({ data: engine.toWire(engine.require(paramOf(request, "id"))) }));

  app.get("/conferences/:id/participants", async (request) => {
    const conf = engine.require(paramOf(request, "id"));
    const query = queryOf(request);
    const muted = queryString(query, "filter", "muted");
    const onHold = queryString(query, "filter", "on_hold");
    const items = [...conf.participants.values()]
      .filter(
        (p) =>
          (muted === undefined || String(p.muted) === muted) && (onHold === undefined || String(p.onHold) === onHold),
      )
      .map((p) => engine.participantToWire(conf, p));
    return paginate(items, query);
  });

  app.post("/conferences/:id/actions/:action", async (request) => {
    const conf = engine.require(paramOf(request, "id"));
    const body = bodyOf(request);
    const action = paramOf(request, "action");
    const ids = callIds(body);
    switch (action) {
      case "join": {
        const leg = world.calls.require(requireSingle(body));
        const clientState = optionalString(body, "client_state");
        if (clientState !== undefined) leg.clientState = clientState;
        engine.join(conf, leg, {
          endOnExit: optionalBoolean(body, "end_conference_on_exit"),
          muted: optionalBoolean(body, "mute"),
          hold: optionalBoolean(body, "hold"),
        });
        break;
      }
      case "leave":
        engine.leave(conf, world.calls.require(requireSingle(body)));
        break;
      case "mute":
      case "unmute":
        engine.setFlag(conf, ids, "muted", action === "mute");
        break;
      case "hold":
      case "unhold":
        if (action === "unhold" && (!ids || ids.length === 0)) throw missingParam("call_control_ids");
        engine.setFlag(conf, ids, "onHold", action === "hold");
        break;
      case "update": {
        const role = requireString(body, "supervisor_role") as Participant["supervisorRole"];
        if (!ROLES.includes(role))
          throw invalidParam("supervisor_role", "'supervisor_role' must be one of barge, monitor, none, whisper.");
        engine.setSupervisorRole(
          conf,
          requireSingle(body),
          role,
          optionalStringArray(body, "whisper_call_control_ids") ?? [],
        );
        break;
      }
      case "end":
        endConference(world, conf);
        break;
      default:
        throw new ApiError(404, "10005", "Resource not found", `Unknown conference action '${action}'.`);
    }
    return OK;
  });
}

function callIds(body: Record<string, unknown>): string[] | undefined {
  const many = optionalStringArray(body, "call_control_ids");
  if (many) return many;
  const one = optionalString(body, "call_control_id");
  return one ? [one] : undefined;
}

function requireSingle(body: Record<string, unknown>): string {
  const one = optionalString(body, "call_control_id");
  if (one) return one;
  const many = optionalStringArray(body, "call_control_ids");
  if (many?.[0]) return many[0];
  throw missingParam("call_control_id");
}

function endConference(world: World, conf: Conference): void {
  for (const p of [...conf.participants.values()]) {
    const leg = world.calls.legs.get(p.ccid);
    if (leg && p.status === "joined") world.conferences.leave(conf, leg);
  }
}
