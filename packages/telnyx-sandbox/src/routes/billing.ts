import type { FastifyInstance } from "fastify";
import { missingParam } from "../http/errors.js";
import { queryOf } from "../http/helpers.js";
import { matchesRange, paginate, queryString } from "../http/query.js";
import { formatMicros } from "../util/money.js";
import type { World } from "../world.js";

export function registerBillingRoutes(app: FastifyInstance, world: World): void {
  app.get("/balance", async () => ({
    data: {
      record_type: "balance",
      balance: formatMicros(world.balanceMicros, 2),
      available_credit: formatMicros(world.balanceMicros, 2),
      credit_limit: "0.00",
      pending: "0.00",
      currency: "USD",
    },
  }));

  app.get("/detail_records", async (request) => {
    const query = queryOf(request);
    const recordType = queryString(query, "filter", "record_type");
    if (!recordType) throw missingParam("filter[record_type]");
    const filter = typeof query["filter"] === "object" && !Array.isArray(query["filter"]) ? query["filter"] : {};
    const range = dateRange(queryString(query, "filter", "date_range"));
    const items = world.detailRecords
      .filter((r) => r.record_type === recordType)
      .filter(
        (r) =>
          matchesRange(r.created_at, filter["created_at"]) &&
          matchesRange(String(r["started_at"] ?? r.created_at), filter["started_at"]),
      )
      .filter((r) => !range || (Date.parse(r.created_at) >= range.from && Date.parse(r.created_at) < range.to))
      .slice()
      .reverse();
    return paginate(items, query);
  });
}

/** Telnyx's named date ranges, in UTC. */
function dateRange(name: string | undefined): { from: number; to: number } | undefined {
  if (!name) return undefined;
  const day = 86_400_000;
  const today = Math.floor(Date.now() / day) * day;
  const weekday = (new Date(today).getUTCDay() + 6) % 7;
  const d = new Date(today);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const ranges: Record<string, { from: number; to: number }> = {
    yesterday: { from: today - day, to: today },
    today: { from: today, to: today + day },
    tomorrow: { from: today + day, to: today + 2 * day },
    last_week: { from: today - (weekday + 7) * day, to: today - weekday * day },
    this_week: { from: today - weekday * day, to: today + (7 - weekday) * day },
    next_week: { from: today + (7 - weekday) * day, to: today + (14 - weekday) * day },
    last_month: { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1), to: monthStart },
    this_month: { from: monthStart, to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) },
    next_month: {
      from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
      to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1),
    },
  };
  return ranges[name];
}
