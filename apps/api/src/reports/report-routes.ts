/**
 * GET /api/reports/:table.csv?from=&to=&granularity=&userId= — the analytics tables and the raw
 * call list as CSV (UTF-8 with BOM, comma-separated, quoted, money with a dot). Session cookie or
 * Bearer token; scoped exactly like stats.analytics (agents: their own figures only).
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { ZStatsAnalyticsInputSchema } from "@app/telnyx-core/stats/stats-schemas";
import { resolveCaller } from "../auth/sessions";
import type { ApiDeps } from "../trpc/context";
import { analyticsCsv, callsCsv, REPORT_TABLES, type ReportTable } from "./report-tables";
import { assertStorableInput } from "../trpc/input-guard";
import { sendError } from "../http/http-errors";

export async function registerReportRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get("/api/reports/:file", async (request, reply) => {
    const auth = await resolveCaller(deps.db, {
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
    });
    if (!auth) return sendError(reply, "UNAUTHORIZED", "Please log in.");
    const { file } = request.params as { file: string };
    const table = file.replace(/\.csv$/, "") as ReportTable;
    if (!file.endsWith(".csv") || !REPORT_TABLES.includes(table)) {
      return sendError(
        reply,
        "NOT_FOUND",
        `Unknown report; one of: ${REPORT_TABLES.map((t) => `${t}.csv`).join(", ")}.`,
      );
    }
    const query = request.query as Record<string, string | undefined>;
    assertStorableInput(query);
    const parsed = ZStatsAnalyticsInputSchema.safeParse({
      from: query.from,
      to: query.to,
      granularity: query.granularity ?? "day",
      userId: query.userId || undefined,
    });
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "query").join(", ");
      return sendError(
        reply,
        "VALIDATION",
        `Invalid or missing parameters: ${fields} (from and to are ISO dates, granularity day or month).`,
      );
    }
    const actor = { userId: auth.userId, organizationId: auth.organizationId, role: auth.role, ip: request.ip };
    const fileName = `${table}_${query.from?.slice(0, 10) ?? ""}_${query.to?.slice(0, 10) ?? ""}.csv`;
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${fileName}"`)
      .header("cache-control", "private, no-store");
    if (table === "calls") return reply.send(Readable.from(callsCsv(deps.db, actor, parsed.data)));
    return reply.send(await analyticsCsv(deps.db, actor, table, parsed.data));
  });
}
