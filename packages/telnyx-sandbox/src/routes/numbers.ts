import type { FastifyInstance } from "fastify";
import { ApiError, invalidParam, missingParam, notFound, optionalString } from "../http/errors.js";
import { bodyOf, paramOf, queryOf } from "../http/helpers.js";
import { matchesRange, paginate, queryList, queryString } from "../http/query.js";
import type { World } from "../world.js";
import { COUNTRIES } from "../world/countries.js";
import type { Candidate } from "../world/number-search.js";
import type { PhoneNumberType } from "../world/types.js";

const TYPES: PhoneNumberType[] = ["local", "toll_free", "mobile", "national", "shared_cost"];

export function registerNumberRoutes(app: FastifyInstance, world: World): void {
  app.get("/available_phone_numbers", async (request) => {
    const query = queryOf(request);
    const f = (key: string): string | undefined => queryString(query, "filter", key);
    const countryCode = (f("country_code") ?? "US").toUpperCase();
    if (!COUNTRIES.has(countryCode))
      throw invalidParam("filter[country_code]", `Unknown country code '${countryCode}'.`);
    const type = (f("phone_number_type") ?? "local") as PhoneNumberType;
    if (!TYPES.includes(type)) throw invalidParam("filter[phone_number_type]", `Unknown phone_number_type '${type}'.`);
    const limit = Math.min(100, Math.max(1, Number.parseInt(f("limit") ?? "10", 10) || 10));
    const results = world.inventory.search({
      countryCode,
      type,
      ndc: f("national_destination_code"),
      locality: f("locality"),
      features: queryList(query, "filter", "features"),
      limit,
      bestEffort: f("best_effort") === "true",
      startsWith: queryString(query, "filter", "phone_number", "starts_with"),
      endsWith: queryString(query, "filter", "phone_number", "ends_with"),
      contains: queryString(query, "filter", "phone_number", "contains"),
    });
    const meta = { total_results: results.length, best_effort_results: results.filter((r) => r.bestEffort).length };
    return { data: results.map(toAvailable), meta, metadata: meta };
  });

  app.post("/number_orders", async (request) => {
    const body = bodyOf(request);
    const list = body["phone_numbers"];
    if (!Array.isArray(list) || list.length === 0) throw missingParam("phone_numbers");
    const numbers = list.map((item, i) => {
      const phoneNumber = (item as { phone_number?: unknown } | null)?.phone_number;
      if (typeof phoneNumber !== "string" || phoneNumber === "")
        throw new ApiError(
          422,
          "10004",
          "Missing required parameter",
          "Each phone number needs 'phone_number'.",
          `/phone_numbers/${i}/phone_number`,
        );
      if (!world.inventory.reservation(phoneNumber)) {
        throw new ApiError(
          422,
          "10015",
          "Number not available",
          `'${phoneNumber}' is not reserved for this account: search for it first (reservations last 30 minutes).`,
          `/phone_numbers/${i}/phone_number`,
        );
      }
      return phoneNumber;
    });
    const connectionId = optionalString(body, "connection_id") ?? null;
    if (connectionId && !world.apps.has(connectionId) && !world.credentialConnections.has(connectionId))
      throw invalidParam("connection_id", `Connection '${connectionId}' does not exist.`);
    const messagingProfileId = optionalString(body, "messaging_profile_id") ?? null;
    if (messagingProfileId && !world.messagingProfiles.has(messagingProfileId))
      throw invalidParam("messaging_profile_id", `Messaging profile '${messagingProfileId}' does not exist.`);
    const order = world.inventory.createOrder({
      phoneNumbers: numbers,
      connectionId,
      messagingProfileId,
      customerReference: optionalString(body, "customer_reference") ?? null,
    });
    return { data: structuredClone(order) };
  });

  app.get("/number_orders/:id", async (request) => {
    const id = paramOf(request, "id");
    const order = world.inventory.orders.get(id);
    if (!order) throw notFound("number order", id);
    return { data: structuredClone(order) };
  });

  app.get("/number_orders", async (request) => {
    const query = queryOf(request);
    const status = queryString(query, "filter", "status");
    const ref = queryString(query, "filter", "customer_reference");
    const createdAt =
      typeof query["filter"] === "object" && !Array.isArray(query["filter"])
        ? query["filter"]["created_at"]
        : undefined;
    const items = [...world.inventory.orders.values()]
      .filter(
        (o) =>
          (!status || o.status === status) &&
          (!ref || o.customer_reference === ref) &&
          matchesRange(o.created_at, createdAt),
      )
      .reverse()
      .map((o) => structuredClone(o));
    return paginate(items, query);
  });
}

function toAvailable(c: Candidate): Record<string, unknown> {
  const region: Array<{ region_type: string; region_name: string }> = [];
  if (c.type === "local" && c.area?.locality) {
    region.push({ region_type: "location", region_name: c.area.locality });
    region.push({ region_type: "rate_center", region_name: c.area.locality.toUpperCase() });
    if (c.area.region) region.push({ region_type: "state", region_name: c.area.region });
  }
  region.push({ region_type: "country_code", region_name: c.countryCode });
  return {
    record_type: "available_phone_number",
    phone_number: c.phoneNumber,
    vanity_format: "",
    best_effort: c.bestEffort,
    quickship: true,
    reservable: true,
    region_information: region,
    cost_information: { upfront_cost: c.upfrontCost, monthly_cost: c.monthlyCost, currency: "USD" },
    features: c.features.map((name) => ({ name })),
  };
}
