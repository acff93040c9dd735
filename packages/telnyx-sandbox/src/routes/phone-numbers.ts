import type { FastifyInstance } from "fastify";
import { invalidParam, notFound, optionalString } from "../http/errors.js";
import { bodyOf, optionalStringArray, paramOf, queryOf } from "../http/helpers.js";
import { paginate, queryList, queryString } from "../http/query.js";
import type { World } from "../world.js";
import type { OwnedNumber } from "../world/types.js";

export function registerPhoneNumberRoutes(app: FastifyInstance, world: World): void {
  const numbers = world.inventory.numbers;
  const requireNumber = (id: string): OwnedNumber => {
    const n = numbers.get(id) ?? [...numbers.values()].find((x) => x.phone_number === id);
    if (!n || n.status === "deleted") throw notFound("phone number", id);
    return n;
  };

  app.get("/phone_numbers", async (request) => {
    const query = queryOf(request);
    const f = (key: string): string | undefined => queryString(query, "filter", key);
    const status = f("status");
    const phone = f("phone_number")?.replace(/\s/g, "");
    const connectionId = f("connection_id");
    const tags = queryList(query, "filter", "tag");
    const ref = f("customer_reference");
    const countries = queryList(query, "filter", "country_iso_alpha2");
    const items = [...numbers.values()]
      .filter((n) => n.status !== "deleted")
      .filter(
        (n) =>
          (!status || n.status === status) &&
          (!phone || n.phone_number.includes(phone)) &&
          (!connectionId || n.connection_id === connectionId),
      )
      .filter(
        (n) =>
          (!tags || tags.some((t) => n.tags.includes(t))) &&
          (!ref || n.customer_reference === ref) &&
          (!countries || countries.includes(n.country_iso_alpha2)),
      )
      .reverse()
      .map((n) => toDetailed(world, n));
    return paginate(items, query);
  });

  app.get("/phone_numbers/:id", async (request) => ({
    data: toDetailed(world, requireNumber(paramOf(request, "id"))),
  }));

  app.patch("/phone_numbers/:id", async (request) => {
    const n = requireNumber(paramOf(request, "id"));
    const body = bodyOf(request);
    if ("connection_id" in body) {
      const connectionId = optionalString(body, "connection_id") ?? null;
      if (connectionId && !world.apps.has(connectionId) && !world.credentialConnections.has(connectionId))
        throw invalidParam("connection_id", `Connection '${connectionId}' does not exist.`);
      n.connection_id = connectionId || null;
    }
    const tags = optionalStringArray(body, "tags");
    if (tags) n.tags = tags;
    if ("customer_reference" in body) n.customer_reference = optionalString(body, "customer_reference") ?? null;
    n.updated_at = new Date().toISOString();
    return { data: toDetailed(world, n) };
  });

  app.get("/phone_numbers/:id/messaging", async (request) => ({
    data: toMessaging(world, requireNumber(paramOf(request, "id"))),
  }));

  app.patch("/phone_numbers/:id/messaging", async (request) => {
    const n = requireNumber(paramOf(request, "id"));
    const body = bodyOf(request);
    if ("messaging_profile_id" in body) {
      const profileId = optionalString(body, "messaging_profile_id") ?? null;
      if (profileId && !world.messagingProfiles.has(profileId))
        throw invalidParam("messaging_profile_id", `Messaging profile '${profileId}' does not exist.`);
      n.messaging_profile_id = profileId || null;
    }
    n.updated_at = new Date().toISOString();
    return { data: toMessaging(world, n) };
  });

  app.delete("/phone_numbers/:id", async (request) => {
    const n = requireNumber(paramOf(request, "id"));
    n.status = "deleted";
    n.updated_at = new Date().toISOString();
    return { data: toDetailed(world, n) };
  });
}

export function toDetailed(world: World, n: OwnedNumber): Record<string, unknown> {
  const connection = n.connection_id
    ? (world.apps.get(n.connection_id) ?? world.credentialConnections.get(n.connection_id))
    : undefined;
  const profile = n.messaging_profile_id ? world.messagingProfiles.get(n.messaging_profile_id) : undefined;
  return {
    id: n.id,
    record_type: "phone_number",
    phone_number: n.phone_number,
    status: n.status,
    phone_number_type: n.phone_number_type,
    country_iso_alpha2: n.country_iso_alpha2,
    connection_id: n.connection_id,
    connection_name: connection
      ? "application_name" in connection
        ? connection.application_name
        : connection.connection_name
      : null,
    messaging_profile_id: n.messaging_profile_id,
    messaging_profile_name: profile?.name ?? null,
    tags: n.tags,
    customer_reference: n.customer_reference,
    external_pin: null,
    deletion_lock_enabled: false,
    billing_group_id: null,
    emergency_enabled: false,
    emergency_address_id: null,
    call_forwarding_enabled: true,
    cnam_listing_enabled: false,
    caller_id_name_enabled: false,
    call_recording_enabled: false,
    t38_fax_gateway_enabled: false,
    hd_voice_enabled: false,
    inbound_call_screening: "disabled",
    source_type: "number_order",
    features: n.features.map((name) => ({ name })),
    purchased_at: n.purchased_at,
    activated_at: n.status === "active" ? n.updated_at : null,
    created_at: n.created_at,
    updated_at: n.updated_at,
  };
}

export function toMessaging(world: World, n: OwnedNumber): Record<string, unknown> {
  void world;
  return {
    id: n.id,
    record_type: "messaging_settings",
    phone_number: n.phone_number,
    messaging_profile_id: n.messaging_profile_id,
    country_code: n.country_iso_alpha2,
    type: n.phone_number_type === "toll_free" ? "toll-free" : "long-code",
    features: {
      sms: n.features.includes("sms")
        ? { domestic_two_way: true, international_inbound: true, international_outbound: true }
        : null,
      mms: n.features.includes("mms")
        ? { domestic_two_way: true, international_inbound: false, international_outbound: false }
        : null,
    },
    eligible_messaging_products: ["A2P"],
    messaging_product: "A2P",
    traffic_type: "A2P",
    tags: n.tags,
    organization_id: "sandbox-organization",
    created_at: n.created_at,
    updated_at: n.updated_at,
  };
}
