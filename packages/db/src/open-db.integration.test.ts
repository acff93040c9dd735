import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "./client.js";
import { readMigrations } from "./migrate.js";
import { openDb, type Db } from "./open-db.js";
import { createTestDb, type TestDb } from "./test-db.js";

describe("openDb", () => {
  let testDb: TestDb;
  let dataDir: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    dataDir = await mkdtemp(path.join(tmpdir(), "app-db-open-"));
  });

  afterAll(async () => {
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // PostgreSQL: the per-file test database. PGlite: a real data folder with its lock file.
  async function open(): Promise<Db> {
    return testDb.kind === "postgres"
      ? openDb({ databaseUrl: testDb.databaseUrl })
      : openDb({ databaseUrl: "", dataDir: path.join(dataDir, "pglite") });
  }

  it("opens a migrated database and closes it cleanly", async () => {
    const db = await open();
    try {
      expect(db.kind).toBe(testDb.kind);
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      );
      expect(row?.n).toBe((await readMigrations()).length);
      if (db.kind === "pglite") {
        const lockPath = path.join(dataDir, "pglite", "app.lock");
        expect(readFileSync(lockPath, "utf8").trim()).toBe(String(process.pid));
        await db.close();
        expect(existsSync(lockPath)).toBe(false);
      }
    } finally {
      await db.close();
    }
  });

  it("reopens the same data without migrating again", async () => {
    const db = await open();
    try {
      await db.prisma.organization.create({ data: { name: "Reopen", slug: "reopen" } });
    } finally {
      await db.close();
    }
    const again = await open();
    try {
      expect(await again.prisma.organization.count({ where: { slug: "reopen" } })).toBe(1);
    } finally {
      await again.close();
    }
  });

  it("round-trips money as Decimal, through Prisma and raw SQL", async () => {
    const org = await testDb.prisma.organization.create({ data: { name: "Money", slug: "money" } });
    await testDb.prisma.rate.create({
      data: { organizationId: org.id, countryCode: "FR", kind: "sms_per_part", amount: new Prisma.Decimal("0.038") },
    });
    await testDb.prisma.rate.create({
      data: { organizationId: org.id, countryCode: "US", kind: "voice_per_minute", amount: "12345678.123456" },
    });
    const rates = await testDb.prisma.rate.findMany({
      where: { organizationId: org.id },
      orderBy: { countryCode: "asc" },
    });
    expect(rates.map((rate) => rate.amount.toFixed(6))).toEqual(["0.038000", "12345678.123456"]);
    expect(rates[0]?.amount).toBeInstanceOf(Prisma.Decimal);
    const sum = await testDb.prisma.rate.aggregate({ where: { organizationId: org.id }, _sum: { amount: true } });
    expect(sum._sum.amount?.toString()).toBe("12345678.161456");
    const raw = await testDb.query<{ amount: string; n: number }>(
      `SELECT sum(amount) AS amount, count(*) AS n FROM "Rate" WHERE "organizationId" = $1`,
      [org.id],
    );
    expect(raw).toEqual([{ amount: "12345678.161456", n: 2 }]);
  });

  it("lets a transaction wait its turn while another holds the connection longer than Prisma's 2 s default", async () => {
    const db = await open();
    try {
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const first = db.prisma.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          holding();
          await new Promise((resolve) => setTimeout(resolve, 2_500));
          return "first";
        },
        { timeout: 10_000 },
      );
      await held;
      const second = db.prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<Array<{ n: number }>>`SELECT 2::int AS n`;
        return row?.n;
      });
      expect(await Promise.all([first, second])).toEqual(["first", 2]);
    } finally {
      await db.close();
    }
  });

  it("runs multi-statement SQL through exec", async () => {
    await testDb.exec(`CREATE TEMP TABLE t (id int); INSERT INTO t VALUES (1), (2);`);
    expect(await testDb.query<{ id: number }>("SELECT id FROM t ORDER BY id")).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
