/**
 * The audit log as an admin reads it: what people did (logins, logouts, lead and settings changes,
 * syncs), newest first, filtered by action, user and period, paged with a cursor, and never another
 * organization's entries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@app/db/seed";
import { createMemoryCookieJar } from "../src/trpc/context";
import { setupTestApi, type TestApi } from "./harness";

let api: TestApi;

beforeAll(async () => {
  api = await setupTestApi();
  // What people do during a day, through the real procedures.
  const jar = createMemoryCookieJar();
  await expect(
    api.anonymous(jar).auth.login({ email: "agent1@acme.test", password: "wrong password" }),
  ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  await api.anonymous(jar).auth.login({ email: "agent1@acme.test", password: DEMO_PASSWORD });
  const agent = api.asDemoAgent();
  const lead = await agent.leads.create({ firstName: "Nina", lastName: "Roux", phoneNumber: "+33612340000" });
  await agent.leads.update({ id: lead.id, data: { company: "Roux SA" } });
  await api.asDemoSupervisor().leads.delete({ id: lead.id });
  await api.asDemoAdmin().settings.setRate({ countryCode: "ES", kind: "sms_per_part", amount: "0.0600" });
  await api.asDemoAdmin().sync.run();
  await api.deps.background!.idle();
  await agent.auth.logout();
  await api.asOtherAdmin().settings.update({ name: "Globex renamed" });
});
afterAll(async () => {
  await api?.close();
});

describe("audit.list", () => {
  it("shows every action, newest first, with who did it", async () => {
    const { items, nextCursor } = await api.asDemoAdmin().audit.list({});
    expect(nextCursor).toBeNull();
    expect(items.map((item) => `${item.action}:${item.result}`)).toEqual([
      "auth.logout:ok",
      "sync.run:ok",
      "settings.rate.set:ok",
      "lead.delete:ok",
      "lead.update:ok",
      "lead.create:ok",
      "auth.login:ok",
      "auth.login:denied",
    ]);
    expect(items[0]).toMatchObject({ userId: api.demo.users.agent1.id, userName: "Thomas Dubois", ip: "127.0.0.1" });
    expect(items.find((item) => item.action === "settings.rate.set")).toMatchObject({
      userName: "Alice Martin",
      targetType: "rate",
      details: { countryCode: "ES", amount: "0.06" },
    });
  });

  it("filters by action, by user and by period", async () => {
    const admin = api.asDemoAdmin();
    const logins = await admin.audit.list({ action: "auth.login" });
    expect(logins.items.map((item) => item.result)).toEqual(["ok", "denied"]);

    const supervisor = await admin.audit.list({ userId: api.demo.users.supervisor.id });
    expect(supervisor.items.map((item) => item.action)).toEqual(["lead.delete"]);

    const lastWeek = new Date(Date.now() - 7 * 86_400_000);
    const entry = await api.db.prisma.auditLog.findFirstOrThrow({ where: { action: "lead.create" } });
    await api.db.prisma.auditLog.update({ where: { id: entry.id }, data: { createdAt: lastWeek } });
    const old = await admin.audit.list({
      from: new Date(lastWeek.getTime() - 60_000),
      to: new Date(lastWeek.getTime() + 60_000),
    });
    expect(old.items.map((item) => item.id)).toEqual([entry.id]);
    const today = await admin.audit.list({ from: new Date(Date.now() - 3_600_000) });
    expect(today.items.map((item) => item.action)).not.toContain("lead.create");
  });

  it("pages with a cursor without losing or repeating an entry", async () => {
    const admin = api.asDemoAdmin();
    const all = (await admin.audit.list({})).items.map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof admin.audit.list>> = await admin.audit.list({ limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("lists the organization's distinct actions for the filter, and only its own", async () => {
    const actions = await api.asDemoAdmin().audit.actions();
    expect(actions).toEqual([
      "auth.login",
      "auth.logout",
      "lead.create",
      "lead.delete",
      "lead.update",
      "settings.rate.set",
      "sync.run",
    ]);
    expect(await api.asOtherAdmin().audit.actions()).toEqual(["settings.organization.update"]);
  });

  it("is for admins only", async () => {
    await expect(api.asDemoSupervisor().audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.asDemoAgent().audit.actions()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
