/**
 * Demo data for zero set-up mode and tests. Safe to call at every start: when the organization
 * already exists nothing is written (except a missing SEED_API_TOKEN token) and the existing rows
 * are returned. Two instances seeding at once are fine: the loser hits the unique slug and reloads.
 */
import { createHash } from "node:crypto";
import { Prisma, Role } from "./generated/prisma/client.js";
import { demoOrg, rates, secondOrg, type OrgSpec } from "./seed-data.js";
import type { ApiToken, Lead, Organization, User } from "./generated/prisma/client.js";
import type { Db } from "./open-db.js";

export const DEMO_PASSWORD = "demo1234";
export { DEMO_QUEUE_NAME } from "./seed-data.js";

export interface SeedOptions {
  hashPassword: (plain: string) => Promise<string>;
  /** Plain API token (SEED_API_TOKEN) to register for the demo admin. */
  apiToken?: string;
  /** Defaults to sha256 hex, the same hash the sessions table uses. */
  hashToken?: (token: string) => string;
}

export interface DemoSeed {
  organization: Organization;
  users: { admin: User; supervisor: User; agent1: User; agent2: User };
  leads: Lead[];
  apiToken?: ApiToken;
}

export interface SecondOrgSeed {
  organization: Organization;
  users: { admin: User; agent: User };
  leads: Lead[];
}

export async function seedDemo(db: Db, options: SeedOptions): Promise<DemoSeed> {
  const { organization, users, leads } = await seedOrg(db, demoOrg, options);
  const seed: DemoSeed = {
    organization,
    users: { admin: users.admin!, supervisor: users.supervisor!, agent1: users.agent1!, agent2: users.agent2! },
    leads,
  };
  if (options.apiToken) seed.apiToken = await ensureApiToken(db, seed, options.apiToken, options.hashToken);
  return seed;
}

export async function seedSecondOrg(db: Db, options: SeedOptions): Promise<SecondOrgSeed> {
  const { organization, users, leads } = await seedOrg(db, secondOrg, options);
  return { organization, users: { admin: users.admin!, agent: users.agent! }, leads };
}

async function seedOrg(db: Db, spec: OrgSpec, options: SeedOptions) {
  const existing = await db.prisma.organization.findUnique({ where: { slug: spec.slug } });
  if (!existing) {
    const hashes = await Promise.all(spec.users.map(() => options.hashPassword(DEMO_PASSWORD)));
    try {
      await createOrg(db, spec, hashes);
    } catch (error) {
      const isRace = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!isRace) throw error;
    }
  }
  return loadOrg(db, spec);
}

async function createOrg(db: Db, spec: OrgSpec, passwordHashes: string[]): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: { name: spec.name, slug: spec.slug, timeZone: spec.timeZone },
    });
    const userIds = new Map<string, string>();
    for (const [index, user] of spec.users.entries()) {
      const row = await tx.user.upsert({
        where: { email: user.email },
        update: {},
        create: {
          email: user.email,
          name: user.name,
          passwordHash: passwordHashes[index]!,
          agentDevice: user.agentDevice ?? null,
        },
      });
      await tx.membership.create({ data: { organizationId: organization.id, userId: row.id, role: user.role } });
      userIds.set(user.key, row.id);
    }
    await tx.lead.createMany({
      data: spec.leads.map(({ owner, ...lead }) => ({
        ...lead,
        organizationId: organization.id,
        ownerId: owner ? userIds.get(owner)! : null,
      })),
    });
    if (spec.rates)
      await tx.rate.createMany({ data: rates.map((rate) => ({ ...rate, organizationId: organization.id })) });
    const agentIds = spec.users.filter((user) => user.role === Role.AGENT).map((user) => userIds.get(user.key)!);
    for (const queue of spec.queues ?? []) {
      await tx.callQueue.create({
        data: {
          ...queue,
          organizationId: organization.id,
          members: { create: agentIds.map((userId, position) => ({ userId, position })) },
        },
      });
    }
  });
}

async function loadOrg(db: Db, spec: OrgSpec) {
  const organization = await db.prisma.organization.findUniqueOrThrow({ where: { slug: spec.slug } });
  const rows = await db.prisma.user.findMany({ where: { email: { in: spec.users.map((user) => user.email) } } });
  const users: Record<string, User> = {};
  for (const user of spec.users) {
    const row = rows.find((candidate) => candidate.email === user.email);
    if (!row) throw new Error(`Seed user ${user.email} is missing from organization ${spec.slug}`);
    users[user.key] = row;
  }
  const leads = await db.prisma.lead.findMany({
    where: { organizationId: organization.id },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  });
  return { organization, users, leads };
}

async function ensureApiToken(db: Db, seed: DemoSeed, apiToken: string, hashToken = sha256Hex): Promise<ApiToken> {
  const tokenHash = hashToken(apiToken);
  return db.prisma.apiToken.upsert({
    where: { tokenHash },
    update: {},
    create: {
      organizationId: seed.organization.id,
      userId: seed.users.admin.id,
      name: "seed",
      tokenHash,
      prefix: apiToken.slice(0, 8),
      role: Role.ADMIN,
    },
  });
}

function sha256Hex(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
