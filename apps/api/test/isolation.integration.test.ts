/**
 * Organization and role isolation over EVERY procedure of the AppRouter. A procedure added
 * without a case here fails the first test, so coverage grows with the router.
 * For each procedure: organization B's admin aims it at organization A's records and must get
 * an error or a result that contains nothing of A; procedures above the agent level refuse
 * agents; and organization A's data is unchanged at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@app/db/client";
import { appRouter } from "../src/trpc/app-router";
import type { Meta } from "../src/trpc/trpc";
import { setupTestApi, type Caller, type TestApi } from "./harness";

type Target = { leadId: string; userId: string; organizationId: string };
interface IsolationCase {
  input: (a: Target) => unknown;
}

const CASES: Record<string, IsolationCase> = {
  "auth.me": { input: () => undefined },
  "auth.login": { input: () => ({ email: "admin@acme.test", password: "guess" }) },
  "auth.logout": { input: () => undefined },
  "leads.list": { input: () => ({ limit: 100 }) },
  "leads.get": { input: (a) => ({ id: a.leadId }) },
  "leads.create": { input: (a) => ({ firstName: "Intruder", phoneNumber: "+14155550199", ownerId: a.userId }) },
  "leads.update": { input: (a) => ({ id: a.leadId, data: { firstName: "Hacked" } }) },
  "leads.delete": { input: (a) => ({ id: a.leadId }) },
};

interface ProcedureLike {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>);
const RANK: Record<Role, number> = { AGENT: 1, SUPERVISOR: 2, ADMIN: 3 };

async function invoke(caller: Caller, path: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: string }> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await fn(input) };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? "UNKNOWN" };
  }
}

let api: TestApi;
let target: Target;
let secrets: string[];
let snapshotBefore: string;

async function snapshotOrgA(): Promise<string> {
  const [leads, users, memberships] = await Promise.all([
    api.db.prisma.lead.findMany({ where: { organizationId: target.organizationId }, orderBy: { id: "asc" } }),
    api.db.prisma.user.findMany({ where: { memberships: { some: { organizationId: target.organizationId } } }, orderBy: { id: "asc" } }),
    api.db.prisma.membership.findMany({ where: { organizationId: target.organizationId }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ leads, users, memberships });
}

beforeAll(async () => {
  api = await setupTestApi();
  const lead = api.demo.leads[0]!;
  target = { leadId: lead.id, userId: api.demo.users.agent1.id, organizationId: api.demo.organization.id };
  const leads = await api.db.prisma.lead.findMany({ where: { organizationId: target.organizationId } });
  const users = Object.values(api.demo.users);
  secrets = [
    target.organizationId,
    ...leads.flatMap((l) => [l.id, l.phoneNumber, `${l.firstName} ${l.lastName}`]),
    ...users.flatMap((u) => [u.id, u.email]),
  ];
  snapshotBefore = await snapshotOrgA();
});
afterAll(async () => {
  await api?.close();
});

describe("isolation", () => {
  it("has a case for every procedure of the AppRouter", () => {
    const missing = procedures.map(([path]) => path).filter((path) => !(path in CASES));
    expect(missing, `add isolation cases for: ${missing.join(", ")}`).toEqual([]);
    expect(procedures.length).toBeGreaterThanOrEqual(Object.keys(CASES).length);
  });

  it.each(procedures.map(([path]) => [path]))("%s: organization B reaches nothing of organization A", async (path) => {
    const result = await invoke(api.asOtherAdmin(), path, CASES[path]!.input(target));
    if (result.ok) {
      const body = JSON.stringify(result.value) ?? "";
      for (const secret of secrets) expect(body, `${path} leaked ${secret}`).not.toContain(secret);
    } else {
      expect(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST", "UNPROCESSABLE_CONTENT", "TOO_MANY_REQUESTS"]).toContain(result.code);
    }
  });

  it.each(
    procedures.filter(([, p]) => p._def.meta?.minRole && RANK[p._def.meta.minRole] > RANK.AGENT).map(([path, p]) => [path, p._def.meta!.minRole!]),
  )("%s (needs %s): agents are refused, in either organization", async (path) => {
    for (const caller of [api.asDemoAgent(), api.asOtherAgent()]) {
      const result = await invoke(caller, path, CASES[path]!.input(target));
      expect(result).toEqual({ ok: false, code: "FORBIDDEN" });
    }
  });

  it.each(procedures.filter(([, p]) => p._def.meta?.minRole).map(([path]) => [path]))("%s: refused without a login", async (path) => {
    expect(await invoke(api.anonymous(), path, CASES[path]!.input(target))).toEqual({ ok: false, code: "UNAUTHORIZED" });
  });

  it("left organization A's data untouched", async () => {
    expect(await snapshotOrgA()).toBe(snapshotBefore);
  });
});
