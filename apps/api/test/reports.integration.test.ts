/**
 * CSV exports over HTTP: headers, UTF-8 with BOM and accents, comma-separated quoted fields, money
 * with a dot, the same scoping as stats.analytics — parsed back and compared to the procedure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@app/db/client";
import { hashToken } from "../src/auth/tokens";
import { setupTestApi, type TestServer } from "./harness";
import { parseCsv } from "./support/parse-csv";
import { seedStatsFixture, type StatsFixture } from "./stats-fixtures";

let api: TestServer;
let url: string;
let fx: StatsFixture;

beforeAll(async () => {
  api = await setupTestApi({ server: true });
  fx = await seedStatsFixture(api);
  url = api.url;
});
afterAll(async () => {
  await api?.close();
});

async function tokenFor(user: { id: string }, role: Role): Promise<string> {
  const token = `tok_reports_${user.id}_0123456789abcdef`;
  await api.db.prisma.apiToken.upsert({
    where: { tokenHash: hashToken(token) },
    update: {},
    create: {
      organizationId: api.demo.organization.id,
      userId: user.id,
      name: "reports",
      tokenHash: hashToken(token),
      prefix: token.slice(0, 8),
      role,
    },
  });
  return token;
}

async function getCsv(
  path: string,
  token: string,
): Promise<{ status: number; bytes: Buffer; rows: string[][]; type: string | null }> {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    bytes,
    rows: parseCsv(bytes.toString("utf8").replace(/^\uFEFF/, "")),
    type: response.headers.get("content-type"),
  };
}

const range = () => {
  const from = new Date(fx.todayStart.getTime() - 330 * 86_400_000).toISOString();
  const to = new Date(fx.todayStart.getTime() + 86_400_000).toISOString();
  return { from, to, query: `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` };
};

describe("CSV reports", () => {
  it("per-agent: BOM, header, accents, quoted fields, money with a dot; equal to stats.analytics", async () => {
    await api.db.prisma.user.update({
      where: { id: api.demo.users.agent1.id },
      data: { name: 'Élodie "Lo" Bérard, Jr' },
    });
    const token = await tokenFor(api.demo.users.admin, "ADMIN");
    const { query, from, to } = range();
    const csv = await getCsv(`/api/reports/per-agent.csv?${query}&granularity=month`, token);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe("text/csv; charset=utf-8");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString("utf8")).toContain('"Élodie ""Lo"" Bérard, Jr"');
    expect(csv.rows[0]).toEqual(["user_id", "name", "calls", "answered", "minutes", "sms", "cost"]);
    const analytics = await api
      .asDemoAdmin()
      .stats.analytics({ from: new Date(from), to: new Date(to), granularity: "month" });
    expect(csv.rows.slice(1)).toEqual(
      analytics.perAgent.map((a) => [
        a.userId,
        a.name,
        String(a.calls),
        String(a.answered),
        String(a.minutes),
        String(a.sms),
        a.cost,
      ]),
    );
    for (const row of csv.rows.slice(1)) expect(row[6]).toMatch(/^\d+\.\d{6}$/);
    expect(csv.rows.find((r) => r[1]!.startsWith("Élodie"))).toBeDefined();
  });

  it("cost-per-period and the raw call list (archived rows included) match SQL; agents get only their own", async () => {
    const admin = await tokenFor(api.demo.users.admin, "ADMIN");
    const { query, from, to } = range();
    const cost = await getCsv(`/api/reports/cost-per-period.csv?${query}&granularity=month`, admin);
    expect(cost.rows[0]).toEqual(["period", "calls", "sms", "numbers", "total"]);
    const analytics = await api
      .asDemoAdmin()
      .stats.analytics({ from: new Date(from), to: new Date(to), granularity: "month" });
    expect(cost.rows.slice(1)).toEqual(analytics.cost.map((c) => [c.period, c.calls, c.sms, c.numbers, c.total]));

    const calls = await getCsv(`/api/reports/calls.csv?${query}`, admin);
    expect(calls.rows[0]).toEqual([
      "id",
      "created_at",
      "direction",
      "status",
      "from",
      "to",
      "lead",
      "agent",
      "answered_at",
      "ended_at",
      "duration_secs",
      "cost",
      "currency",
      "archived",
    ]);
    const [truth] = await api.db.query<{ n: number; archived: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE "archivedAt" IS NOT NULL)::int AS archived FROM "TelnyxCall"
       WHERE "organizationId" = $1 AND (("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date
         BETWEEN (($2::timestamptz) AT TIME ZONE 'Europe/Paris')::date AND ((($3::timestamptz) - interval '1 millisecond') AT TIME ZONE 'Europe/Paris')::date`,
      [api.demo.organization.id, from, to],
    );
    expect(calls.rows.length - 1).toBe(truth!.n);
    expect(calls.rows.filter((r) => r[13] === "true")).toHaveLength(truth!.archived);
    const lead = api.demo.leads[0]!;
    expect(calls.rows.slice(1).every((r) => r[6] === `${lead.firstName} ${lead.lastName}`.trim())).toBe(true);

    const agent = await tokenFor(api.demo.users.agent2, "AGENT");
    const own = await getCsv(`/api/reports/calls.csv?${query}&userId=${api.demo.users.agent1.id}`, agent);
    expect(own.rows.length).toBeGreaterThan(1);
    expect(own.rows.slice(1).every((r) => r[7] === "Emma Wilson")).toBe(true);
  });

  it("refuses anonymous callers, unknown tables and bad parameters with clear errors", async () => {
    expect((await fetch(`${url}/api/reports/per-agent.csv?from=2026-01-01&to=2026-02-01`)).status).toBe(401);
    const token = await tokenFor(api.demo.users.admin, "ADMIN");
    expect((await getCsv(`/api/reports/everything.csv?from=2026-01-01&to=2026-02-01`, token)).status).toBe(404);
    const bad = await fetch(`${url}/api/reports/per-agent.csv?from=nope`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // The code table (httpStatusOf): VALIDATION is a 422, as on the REST face.
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { errors: { code: string; detail: string }[] };
    expect(body.errors[0]).toMatchObject({ code: "VALIDATION", detail: expect.stringContaining("from") });
  });
});
