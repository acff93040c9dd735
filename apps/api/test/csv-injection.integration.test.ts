/**
 * CSV injection: a lead's or an agent's own profile name is attacker-chosen text that lands in an admin's spreadsheet.
 * Every CSV export (enumerated from REPORT_TABLES, so a new one is covered) comes out with no text cell a
 * spreadsheet would run as a formula; plain numbers stay numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/auth/tokens";
import { REPORT_TABLES } from "../src/reports/report-tables";
import { setupTestApi, type TestServer } from "./harness";
import { parseCsv } from "./support/parse-csv";

const FORMULA = '=HYPERLINK("http://x","y")';
const NEUTRALIZED = `'${FORMULA}`;
const TOKEN = "tok_csv_injection_0123456789abcdef";

let api: TestServer;
let url: string;

beforeAll(async () => {
  api = await setupTestApi({ server: true });
  const organizationId = api.demo.organization.id;
  const agent = api.demo.users.agent1;
  await api.db.prisma.user.update({ where: { id: agent.id }, data: { name: FORMULA } });
  const lead = await api.db.prisma.lead.create({
    data: { organizationId, firstName: FORMULA, phoneNumber: "+13125550177" },
  });
  await api.db.prisma.telnyxCall.create({
    data: {
      organizationId,
      direction: "OUTBOUND",
      status: "ENDED",
      fromNumber: "+13125550100",
      toNumber: "+13125550177",
      leadId: lead.id,
      userId: agent.id,
      durationSecs: 30,
    },
  });
  await api.db.prisma.apiToken.create({
    data: {
      organizationId,
      userId: api.demo.users.admin.id,
      name: "csv",
      tokenHash: hashToken(TOKEN),
      prefix: TOKEN.slice(0, 8),
      role: "ADMIN",
    },
  });
  url = api.url;
});
afterAll(async () => {
  await api?.close();
});

async function exportOf(table: string): Promise<string[][]> {
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&granularity=day`;
  const response = await fetch(`${url}/api/reports/${table}.csv?${query}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(response.status, table).toBe(200);
  return parseCsv((await response.text()).replace(/^\uFEFF/, ""));
}

describe("CSV exports neutralize formulas", () => {
  it.each(REPORT_TABLES)("%s.csv has no cell a spreadsheet would run", async (table) => {
    const cells = (await exportOf(table)).flat();
    const runnable = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));
    expect(runnable).toEqual([]);
  });

  it("per-agent.csv shows the agent's name as text", async () => {
    const rows = await exportOf("per-agent");
    const name = rows[0]!.indexOf("name");
    expect(rows.slice(1).map((row) => row[name])).toContain(NEUTRALIZED);
  });

  it("calls.csv shows the lead's and the agent's names as text, and numbers as numbers", async () => {
    const rows = await exportOf("calls");
    const [header, ...calls] = rows;
    const row = calls.find((r) => r[header!.indexOf("to")] === "+13125550177");
    expect(row).toBeDefined();
    expect(row![header!.indexOf("lead")]).toBe(NEUTRALIZED);
    expect(row![header!.indexOf("agent")]).toBe(NEUTRALIZED);
    expect(row![header!.indexOf("duration_secs")]).toBe("30");
  });
});
