/**
 * The built web app as the API serves it: the build's Brotli/gzip twins are sent as they are to
 * browsers that accept them, hashed assets are cached for a year, index.html is never cached.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { buildServer, type ApiServer } from "../src/server";
import { listenOnFreePort } from "./support/listen";

// The test command builds the web app before running the tests (scripts/quickstart.mjs).
const WEB_DIST = path.resolve(__dirname, "../../web/dist");
let db: TestDb;
let server: ApiServer;
let url: string;

beforeAll(async () => {
  db = await createTestDb();
  server = await buildServer({ db, logLevel: "silent", webDistDir: WEB_DIST, rateLimitPerMinute: 100_000 });
  url = await listenOnFreePort(server.app);
});
afterAll(async () => {
  await server?.app.close();
  await db?.drop();
});

/** The largest JavaScript file of the build (the one where compression matters most). */
function largestScript(): string {
  const assets = path.join(WEB_DIST, "assets");
  const scripts = readdirSync(assets).filter((name) => name.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(0);
  return scripts.sort(
    (a, b) => readFileSync(path.join(assets, b)).length - readFileSync(path.join(assets, a)).length,
  )[0]!;
}

// Node's fetch decompresses on its own; a raw request shows what travels on the wire.
async function raw(
  pathname: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${pathname}`,
      { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: new Headers(res.headers as Record<string, string>),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("web assets", () => {
  it("sends the build's Brotli twin to a browser that accepts it, gzip to one that only accepts gzip, and plain bytes otherwise", async () => {
    const name = largestScript();
    const original = readFileSync(path.join(WEB_DIST, "assets", name));

    const br = await raw(`/assets/${name}`, "gzip, deflate, br");
    expect(br.status).toBe(200);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await raw(`/assets/${name}`, "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const plain = await raw(`/assets/${name}`);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.body.equals(original)).toBe(true);
  });

  it("caches hashed assets for a year and never caches the page that names them", async () => {
    const asset = await raw(`/assets/${largestScript()}`, "br");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const page = await raw("/dashboard", "br");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
  });
});
