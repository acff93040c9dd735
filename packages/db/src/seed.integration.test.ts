import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Role } from "./client.js";
import { DEMO_PASSWORD, seedDemo, seedSecondOrg } from "./seed.js";
import { createTestDb, type TestDb } from "./test-db.js";

const hashPassword = async (plain: string) => `test-hash:${plain}`;

describe("seedDemo", () => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDb();
  });

  afterAll(async () => {
    await db.drop();
  });

  it("creates the demo organization, users, leads and rates once", async () => {
    const hash = vi.fn(hashPassword);
    const first = await seedDemo(db, { hashPassword: hash });
    expect(first.organization).toMatchObject({ name: "Acme Sales", slug: "acme", timeZone: "Europe/Paris" });
    expect(first.users.admin.email).toBe("admin@acme.test");
    expect(first.users.admin.passwordHash).toBe(`test-hash:${DEMO_PASSWORD}`);
    expect(first.users.agent1.agentDevice).toMatch(/^\+[1-9]\d{6,14}$/);
    expect(first.leads.length).toBeGreaterThanOrEqual(10);
    expect(first.leads.every((lead) => /^\+[1-9]\d{6,14}$/.test(lead.phoneNumber))).toBe(true);
    expect(first.leads.some((lead) => lead.firstName === "Élodie" && lead.lastName === "Bérard")).toBe(true);
    expect(first.leads.some((lead) => lead.ownerId === first.users.agent1.id)).toBe(true);

    const roles = await db.prisma.membership.findMany({
      where: { organizationId: first.organization.id },
      select: { role: true, user: { select: { email: true } } },
    });
    expect(Object.fromEntries(roles.map((m) => [m.user.email, m.role]))).toEqual({
      "admin@acme.test": Role.ADMIN,
      "supervisor@acme.test": Role.SUPERVISOR,
      "agent1@acme.test": Role.AGENT,
      "agent2@acme.test": Role.AGENT,
    });
    const voiceFr = await db.prisma.rate.findUniqueOrThrow({
      where: {
        organizationId_countryCode_kind: {
          organizationId: first.organization.id,
          countryCode: "FR",
          kind: "voice_per_minute",
        },
      },
    });
    expect(voiceFr.amount.toFixed(4)).toBe("0.0050");

    const second = await seedDemo(db, { hashPassword: hash });
    expect(hash).toHaveBeenCalledTimes(4);
    expect(second.organization.id).toBe(first.organization.id);
    expect(second.users.agent2.id).toBe(first.users.agent2.id);
    expect(second.leads.map((lead) => lead.id)).toEqual(first.leads.map((lead) => lead.id));
    expect(await db.prisma.lead.count()).toBe(first.leads.length);
    expect(await db.prisma.rate.count()).toBe(10);
  });

  it("registers SEED_API_TOKEN for the admin, once", async () => {
    const hashToken = (token: string) => createHash("sha256").update(`pepper:${token}`).digest("hex");
    const seeded = await seedDemo(db, { hashPassword, apiToken: "crm_demo_token_123", hashToken });
    expect(seeded.apiToken).toMatchObject({
      name: "seed",
      role: Role.ADMIN,
      userId: seeded.users.admin.id,
      organizationId: seeded.organization.id,
      tokenHash: hashToken("crm_demo_token_123"),
    });
    expect(seeded.apiToken?.tokenHash).not.toContain("crm_demo_token_123");
    await seedDemo(db, { hashPassword, apiToken: "crm_demo_token_123", hashToken });
    expect(await db.prisma.apiToken.count({ where: { name: "seed" } })).toBe(1);
  });

  it("seeds a second organization whose leads stay apart", async () => {
    const acme = await seedDemo(db, { hashPassword });
    const globex = await seedSecondOrg(db, { hashPassword });
    expect(globex.organization.slug).toBe("globex");
    expect(globex.users.admin.email).toBe("admin@globex.test");
    expect(globex.leads.length).toBeGreaterThanOrEqual(2);
    expect(globex.leads.every((lead) => lead.organizationId === globex.organization.id)).toBe(true);
    expect(await db.prisma.lead.count({ where: { organizationId: acme.organization.id } })).toBe(acme.leads.length);
    expect((await seedSecondOrg(db, { hashPassword })).organization.id).toBe(globex.organization.id);
  });
});
