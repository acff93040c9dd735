/**
 * `pnpm start` runs the compiled API (dist/main.js) with plain Node: built here from the current source, started on
 * the embedded database and on PostgreSQL (each migrates an empty database from the migrations it finds beside its
 * sources), then used as a client would: ready, demo data seeded, the web app and an authenticated API answer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "./support/scratch-database";
import { buildApi, spawnApi, type SpawnedApi } from "./support/spawn-api";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "tok_compiled_0123456789abcdefghijklmnop";

beforeAll(() => buildApi(), 120_000);

it("bundles our code and no TypeScript runtime: third-party modules are imported from where pnpm put them", () => {
  const bundle = readFileSync(path.join(apiDir, "dist/main.js"), "utf8");
  expect(bundle).not.toMatch(/from ["'][^"']*\/tsx\//);
  // Our workspace packages are inside (no import of a .ts file is left for Node to fail on)…
  expect(bundle).not.toMatch(/from ["'][^"']+\.ts["']/);
  expect(bundle).toContain("function buildServer");
  // …third-party ones are imported by path (fastify from the API's own dependencies, pg from @app/db's).
  expect(bundle).toMatch(/from "(\.\.\/)+node_modules\/\.pnpm\/fastify@[^"]+"/);
  expect(bundle).toMatch(/from "(\.\.\/)+node_modules\/\.pnpm\/pg@[^"]+"/);
});

describe.each(["embedded", "postgres"] as const)("compiled API on the %s database", (database) => {
  let api: SpawnedApi;
  let scratch: ScratchDatabase | undefined;

  beforeAll(async () => {
    scratch = database === "postgres" ? await createScratchDatabase("compiled") : undefined;
    api = await spawnApi({
      entry: "compiled",
      env: { SEED_API_TOKEN: TOKEN, ...(scratch ? { DATABASE_URL: scratch.url } : {}) },
    });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await scratch?.drop();
  });

  it("starts ready with the demo organization, serves the web app and answers the API", async () => {
    expect(api.child.spawnargs.slice(1)).toEqual(["--enable-source-maps", "dist/main.js"]);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      database: database === "embedded" ? "pglite" : "postgres",
    });
    const page = await fetch(`${api.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const numbers = await fetch(`${api.url}/api/telnyx/phone-numbers`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(numbers.status).toBe(200);
    const body = (await numbers.json()) as { data: { items: { phoneNumber: string }[] } };
    expect(body.data.items.map((number) => number.phoneNumber).sort()).toEqual(["+13125550100", "+33757650100"]);
    expect(api.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
