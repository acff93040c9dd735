import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setupTestApi, type TestApi } from "./harness";

let api: TestApi;
beforeAll(async () => {
  api = await setupTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("leads", () => {
  it("creates a lead with a phone number normalised to E.164, then finds it by name and by number", async () => {
    const agent = api.asDemoAgent();
    const lead = await agent.leads.create({
      firstName: "Zoé",
      lastName: "Delacroix-Test",
      phoneNumber: "+33 6 12 34 56 78",
      company: "Énergie SA",
    });
    expect(lead.phoneNumber).toBe("+33612345678");
    const byName = await agent.leads.list({ search: "delacroix" });
    expect(byName.items.map((l) => l.id)).toEqual([lead.id]);
    const byPhone = await agent.leads.list({ search: "612345678" });
    expect(byPhone.items.map((l) => l.id)).toContain(lead.id);
    const byCompany = await agent.leads.list({ search: "énergie" });
    expect(byCompany.total).toBe(1);
  });

  it("refuses an invalid phone number and an empty name with field error keys", async () => {
    const error = await errorOf(api.asDemoAgent().leads.create({ firstName: "  ", phoneNumber: "12" }));
    expect(error.code).toBe("BAD_REQUEST");
    const { fieldErrorsOf } = await import("../src/trpc/trpc");
    const fields = fieldErrorsOf(error.cause as never);
    expect(fields.firstName).toEqual(["required"]);
    expect(fields.phoneNumber).toEqual(["invalid_phone"]);
  });

  it("pages through leads with a cursor, newest first, without repeats", async () => {
    const agent = api.asDemoAgent();
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: Awaited<ReturnType<typeof agent.leads.list>> = await agent.leads.list({ limit: 5, cursor });
      total = page.total;
      seen.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThan(5);
  });

  it("updates and deletes, and records both in the audit log", async () => {
    const lead = await api.asDemoAgent().leads.create({ firstName: "Temp", phoneNumber: "+14155550123" });
    const updated = await api.asDemoAgent().leads.update({ id: lead.id, data: { company: "Initech" } });
    expect(updated.company).toBe("Initech");
    expect((await errorOf(api.asDemoAgent().leads.delete({ id: lead.id }))).code).toBe("FORBIDDEN");
    await api.asDemoSupervisor().leads.delete({ id: lead.id });
    expect((await errorOf(api.asDemoAgent().leads.get({ id: lead.id }))).code).toBe("NOT_FOUND");
    const actions = await api.db.prisma.auditLog.findMany({
      where: { targetId: lead.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["lead.create", "lead.update", "lead.delete"]);
  });

  it("refuses an owner from another organization", async () => {
    const error = await errorOf(
      api
        .asDemoAgent()
        .leads.create({ firstName: "X", phoneNumber: "+14155550124", ownerId: api.other.users.admin.id }),
    );
    expect(error.code).toBe("UNPROCESSABLE_CONTENT");
  });
});
