/**
 * The built package (dist/) loads in a fresh Node process without pulling any server code:
 * no apps/api, @app/db, prisma, fastify, pg or PGlite module is resolved or required.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist/index.js");
const SERVER_MODULES =
  /apps\/api\/|@app\/db|packages\/db\/|prisma|fastify|\/node_modules\/pg\/|@electric-sql|telnyx-core\/src\//;

beforeAll(() => {
  if (!existsSync(dist)) execFileSync("pnpm", ["build"], { cwd: root, stdio: "ignore" });
}, 120_000);

describe("@app/client dist", () => {
  it("imports no server dependency at run time", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "client-dist-"));
    const log = path.join(dir, "resolved.log");
    writeFileSync(
      path.join(dir, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + "\\n");
  return result;
}`,
    );
    writeFileSync(
      path.join(dir, "register.mjs"),
      `import { register } from "node:module"; register("./hooks.mjs", import.meta.url);`,
    );
    const script = `
      import { createRequire } from "node:module";
      const client = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const crm = client.createTelnyxCrmClient({ url: "http://127.0.0.1:9", token: "tcrm_test" });
      if (typeof crm.trpc.leads.list.query !== "function") throw new Error("no typed proxy");
      crm.close();
      console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
    const output = execFileSync(
      process.execPath,
      ["--import", pathToFileURL(path.join(dir, "register.mjs")).href, "--input-type=module", "-e", script],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    const required = JSON.parse(output.trim().split("\n").pop()!) as string[];
    const resolved = readFileSync(log, "utf8").split("\n").filter(Boolean);
    expect(resolved.some((url) => url.includes("socket.io-client"))).toBe(true);
    expect(resolved.some((url) => url.includes("@trpc/client"))).toBe(true);
    const loaded = [...resolved, ...required];
    expect(loaded.filter((file) => SERVER_MODULES.test(file))).toEqual([]);
  });

  it("ships type declarations and no server import in the bundle", () => {
    const js = readFileSync(dist, "utf8");
    const imports = [...js.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(new Set(imports)).toEqual(new Set(["@trpc/client", "superjson", "socket.io-client", "zod"]));
    const dts = readFileSync(path.join(root, "dist/index.d.ts"), "utf8");
    expect(dts).toContain("createTelnyxCrmClient");
    expect(dts).toMatch(/AppRouter/);
  });
});
