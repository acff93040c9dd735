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
import { REST_ROUTES } from "../src/rest/rest-routes";
import { hashToken } from "../src/auth/tokens";
import { setupTestApi, type Caller, type TestServer } from "./harness";
import { authAndLeadsIsolation } from "./isolation-cases/auth-and-leads";
import { callsIsolation } from "./isolation-cases/calls";
import { messagesIsolation } from "./isolation-cases/messages";
import { numbersIsolation } from "./isolation-cases/numbers";
import { connectionsIsolation } from "./isolation-cases/connections";
import { settingsIsolation } from "./isolation-cases/settings";
import { syncIsolation } from "./isolation-cases/sync";
import { auditIsolation } from "./isolation-cases/audit";
import { tokensIsolation } from "./isolation-cases/tokens";
import { statsIsolation } from "./isolation-cases/stats";
import { wallboardIsolation } from "./isolation-cases/wallboard";
import { agentsIsolation } from "./isolation-cases/agents";
import { softphoneIsolation } from "./isolation-cases/softphone";
import { routingIsolation } from "./isolation-cases/routing";
import type { IsolationCases, IsolationDomain, IsolationTarget } from "./isolation-cases/types";
import { snapshotOrganization } from "./support/org-snapshot";

type Target = IsolationTarget;

// One file per domain under ./isolation-cases; add yours to this list.
const DOMAINS: IsolationDomain[] = [
  authAndLeadsIsolation,
  callsIsolation,
  messagesIsolation,
  numbersIsolation,
  connectionsIsolation,
  settingsIsolation,
  syncIsolation,
  auditIsolation,
  tokensIsolation,
  statsIsolation,
  wallboardIsolation,
  agentsIsolation,
  softphoneIsolation,
  routingIsolation,
];
const CASES: IsolationCases = Object.assign({}, ...DOMAINS.map((domain) => domain.cases));

interface ProcedureLike {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>);
const RANK: Record<Role, number> = { AGENT: 1, SUPERVISOR: 2, ADMIN: 3 };

async function invoke(
  caller: Caller,
  path: string,
  input: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; code: string }> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  try {
    return { ok: true, value: await fn(input) };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? "UNKNOWN" };
  }
}

let api: TestServer;
let target: Target;
let secrets: string[];
let snapshotBefore: string;

const snapshotOrgA = () => snapshotOrganization(api.db, target.organizationId);

beforeAll(async () => {
  api = await setupTestApi({ server: true });
  const lead = api.demo.leads[0]!;
  target = { leadId: lead.id, userId: api.demo.users.agent1.id, organizationId: api.demo.organization.id, extra: {} };
  for (const domain of DOMAINS) await domain.seed?.(api, target);
  const leads = await api.db.prisma.lead.findMany({ where: { organizationId: target.organizationId } });
  const users = Object.values(api.demo.users);
  secrets = [
    target.organizationId,
    ...leads.flatMap((l) => [l.id, l.phoneNumber, `${l.firstName} ${l.lastName}`]),
    ...users.flatMap((u) => [u.id, u.email]),
    ...Object.values(target.extra),
  ];
  snapshotBefore = await snapshotOrgA();
});
let url: string;
const OTHER_ADMIN_TOKEN = "tok_isolation_other_org_admin_0123456789";

beforeAll(async () => {
  url = api.url;
  await api.db.prisma.apiToken.create({
    data: {
      organizationId: api.other.organization.id,
      userId: api.other.users.admin.id,
      name: "isolation",
      tokenHash: hashToken(OTHER_ADMIN_TOKEN),
      prefix: OTHER_ADMIN_TOKEN.slice(0, 8),
      role: "ADMIN",
    },
  });
});
afterAll(async () => {
  await api?.close();
});

/** A REST request built from the procedure's isolation input: path params, query or JSON body. */
function restRequest(
  route: (typeof REST_ROUTES)[number],
  input: Record<string, unknown>,
): { path: string; init: RequestInit } {
  const used = new Set<string>();
  const path = route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = input[name] ?? input.id;
    used.add(name in input ? name : "id");
    return encodeURIComponent(String(value ?? "missing"));
  });
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !used.has(key)));
  const payload = route.method === "PATCH" && "data" in rest ? (rest.data as Record<string, unknown>) : rest;
  if (route.method === "GET" || route.method === "DELETE") {
    const search = new URLSearchParams(Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)]));
    return { path: `${path}${search.size ? `?${search}` : ""}`, init: { method: route.method } };
  }
  return {
    path,
    init: { method: route.method, headers: { "content-type": "application/json" }, body: JSON.stringify(payload) },
  };
}

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
      expect([
        "NOT_FOUND",
        "FORBIDDEN",
        "UNAUTHORIZED",
        "BAD_REQUEST",
        "UNPROCESSABLE_CONTENT",
        "TOO_MANY_REQUESTS",
        ...(CASES[path]!.needsTelnyx ? ["BAD_GATEWAY"] : []),
      ]).toContain(result.code);
    }
  });

  it.each(
    procedures
      .filter(([, p]) => p._def.meta?.minRole && RANK[p._def.meta.minRole] > RANK.AGENT)
      .map(([path, p]) => [path, p._def.meta!.minRole!]),
  )("%s (needs %s): agents are refused, in either organization", async (path) => {
    for (const caller of [api.asDemoAgent(), api.asOtherAgent()]) {
      const result = await invoke(caller, path, CASES[path]!.input(target));
      expect(result).toEqual({ ok: false, code: "FORBIDDEN" });
    }
  });

  it.each(procedures.filter(([, p]) => p._def.meta?.minRole).map(([path]) => [path]))(
    "%s: refused without a login",
    async (path) => {
      expect(await invoke(api.anonymous(), path, CASES[path]!.input(target))).toEqual({
        ok: false,
        code: "UNAUTHORIZED",
      });
    },
  );

  it.each(REST_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "REST %s: organization B reaches nothing of organization A",
    async (_name, route) => {
      const isolationCase = CASES[route.procedure];
      expect(isolationCase, `no isolation case for ${route.procedure}`).toBeDefined();
      const input = (isolationCase!.input(target) ?? {}) as Record<string, unknown>;
      const { path, init } = restRequest(route, input);
      const response = await fetch(`${url}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${OTHER_ADMIN_TOKEN}` },
      });
      const text = await response.text();
      if (isolationCase!.needsTelnyx && response.status === 502) expect(text).toContain('"code":"TELNYX_AUTH"');
      else expect(response.status, `${route.method} ${path}: ${text}`).toBeLessThan(500);
      if (response.status < 300)
        for (const secret of secrets) expect(text, `${path} leaked ${secret}`).not.toContain(secret);
      const anonymous = await fetch(`${url}${path}`, init);
      expect(anonymous.status).toBe(401);
    },
  );

  it("left organization A's data untouched", async () => {
    expect(await snapshotOrgA()).toBe(snapshotBefore);
  });
});
