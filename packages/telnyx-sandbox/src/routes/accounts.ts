import type { FastifyInstance } from "fastify";
import { invalidParam, missingParam, notFound, requireString } from "../http/errors.js";
import { accountOf } from "../http/guards.js";
import { bodyOf, paramOf, queryOf } from "../http/helpers.js";
import { paginate, queryString } from "../http/query.js";
import type { World } from "../world.js";
import { checkAppFields, type CallControlAppInput, type MessagingProfileInput } from "../world/accounts.js";
import { toMessaging } from "./phone-numbers.js";

const APP_FIELDS = [
  "application_name",
  "webhook_event_url",
  "webhook_event_failover_url",
  "webhook_api_version",
  "webhook_timeout_secs",
  "call_cost_in_webhooks",
  "active",
  "tags",
  "anchorsite_override",
  "dtmf_type",
  "first_command_timeout",
  "first_command_timeout_secs",
  "inbound",
  "outbound",
  "redact_dtmf_debug_logging",
];
const PROFILE_FIELDS = [
  "name",
  "whitelisted_destinations",
  "webhook_url",
  "webhook_failover_url",
  "webhook_api_version",
  "enabled",
  "daily_spend_limit",
  "daily_spend_limit_enabled",
  "mms_fall_back_to_sms",
  "mms_transcoding",
  "mobile_only",
  "alpha_sender",
];

export function registerAccountRoutes(app: FastifyInstance, world: World): void {
  app.get("/call_control_applications", async (request) => {
    const query = queryOf(request);
    const name = queryString(query, "filter", "application_name", "contains")?.toLowerCase();
    const items = [...world.apps.values()].filter((a) => !name || a.application_name.toLowerCase().includes(name));
    return paginate(items, query);
  });
  app.post("/call_control_applications", async (request) => {
    const body = bodyOf(request);
    checkAppFields(body, true);
    return {
      data: world.createCallControlApplication(body as unknown as CallControlAppInput, accountOf(request, world)),
    };
  });
  app.get("/call_control_applications/:id", async (request) => ({ data: requireApp(world, paramOf(request, "id")) }));
  app.patch("/call_control_applications/:id", async (request) => {
    const existing = requireApp(world, paramOf(request, "id"));
    const body = bodyOf(request);
    checkAppFields(body, false);
    assign(existing, body, APP_FIELDS);
    return { data: existing };
  });
  app.delete("/call_control_applications/:id", async (request) => {
    const existing = requireApp(world, paramOf(request, "id"));
    world.apps.delete(existing.id);
    return { data: existing };
  });

  app.get("/connections", async (request) => paginate(allConnections(world), queryOf(request)));
  app.get("/connections/:id", async (request) => {
    const id = paramOf(request, "id");
    const conn = allConnections(world).find((c) => c["id"] === id);
    if (!conn) throw notFound("connection", id);
    return { data: conn };
  });
  app.get("/connections/:id/active_calls", async (request) => {
    const id = paramOf(request, "id");
    const calls = [...world.calls.legs.values()]
      .filter((l) => l.connectionId === id && l.state !== "ended")
      .map((l) => ({
        record_type: "call",
        call_control_id: l.ccid,
        call_leg_id: l.legId,
        call_session_id: l.sessionId,
        client_state: l.clientState ?? "",
        call_duration: l.answeredAt ? Math.round((l.clock.nowMs() - l.answeredAt) / 1000) : 0,
      }));
    return paginate(calls, queryOf(request));
  });

  app.get("/messaging_profiles", async (request) => {
    const query = queryOf(request);
    const name = queryString(query, "filter", "name")?.toLowerCase();
    return paginate(
      [...world.messagingProfiles.values()].filter((p) => !name || p.name.toLowerCase().includes(name)),
      query,
    );
  });
  app.post("/messaging_profiles", async (request) => {
    const body = bodyOf(request);
    requireString(body, "name");
    checkProfile(body, true);
    return { data: world.createMessagingProfile(body as unknown as MessagingProfileInput, accountOf(request, world)) };
  });
  app.get("/messaging_profiles/:id", async (request) => ({ data: requireProfile(world, paramOf(request, "id")) }));
  app.patch("/messaging_profiles/:id", async (request) => {
    const profile = requireProfile(world, paramOf(request, "id"));
    const body = bodyOf(request);
    checkProfile(body, false);
    assign(profile, body, PROFILE_FIELDS);
    return { data: profile };
  });
  app.delete("/messaging_profiles/:id", async (request) => {
    const profile = requireProfile(world, paramOf(request, "id"));
    world.messagingProfiles.delete(profile.id);
    return { data: profile };
  });
  app.get("/messaging_profiles/:id/phone_numbers", async (request) => {
    const profile = requireProfile(world, paramOf(request, "id"));
    const items = [...world.inventory.numbers.values()]
      .filter((n) => n.messaging_profile_id === profile.id && n.status !== "deleted")
      .map((n) => toMessaging(world, n));
    return paginate(items, queryOf(request));
  });
}

function requireApp(world: World, id: string) {
  const found = world.apps.get(id);
  if (!found) throw notFound("call control application", id);
  return found;
}

function requireProfile(world: World, id: string) {
  const found = world.messagingProfiles.get(id);
  if (!found) throw notFound("messaging profile", id);
  return found;
}

function checkProfile(body: Record<string, unknown>, isCreate: boolean): void {
  const wl = body["whitelisted_destinations"];
  if (isCreate && wl === undefined) throw missingParam("whitelisted_destinations");
  if (
    wl !== undefined &&
    (!Array.isArray(wl) || wl.some((d) => typeof d !== "string" || !(d === "*" || /^[A-Z]{2}$/.test(d))))
  ) {
    throw invalidParam(
      "whitelisted_destinations",
      "'whitelisted_destinations' must be ISO alpha-2 country codes or ['*'].",
    );
  }
  for (const field of ["webhook_url", "webhook_failover_url"]) {
    const v = body[field];
    if (typeof v === "string" && v !== "" && !/^https?:\/\//.test(v))
      throw invalidParam(field, `'${field}' must be an http(s) URL.`);
  }
}

function assign(target: object, body: Record<string, unknown>, fields: string[]): void {
  const record = target as Record<string, unknown>;
  for (const field of fields) if (field in body) record[field] = body[field];
  record["updated_at"] = new Date().toISOString();
}

function allConnections(world: World): Array<Record<string, unknown>> {
  const apps = [...world.apps.values()].map((a) => ({
    id: a.id,
    record_type: "call_control_application",
    connection_name: a.application_name,
    active: a.active,
    anchorsite_override: a.anchorsite_override,
    webhook_event_url: a.webhook_event_url,
    webhook_event_failover_url: a.webhook_event_failover_url,
    webhook_api_version: a.webhook_api_version,
    outbound_voice_profile_id: null,
    tags: a.tags,
    created_at: a.created_at,
    updated_at: a.updated_at,
  }));
  const creds = [...world.credentialConnections.values()].map((c) => ({
    id: c.id,
    record_type: "credential_connection",
    connection_name: c.connection_name,
    active: c.active,
    anchorsite_override: c.anchorsite_override,
    webhook_event_url: c.webhook_event_url,
    webhook_event_failover_url: c.webhook_event_failover_url,
    webhook_api_version: c.webhook_api_version,
    outbound_voice_profile_id: null,
    tags: c.tags,
    created_at: c.created_at,
    updated_at: c.updated_at,
  }));
  return [...apps, ...creds];
}
