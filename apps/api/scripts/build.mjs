#!/usr/bin/env node
/**
 * `pnpm --filter @app/api build`: the API as one JavaScript module, dist/main.js, that `pnpm start` runs with plain
 * Node (no TypeScript compiler in the production process; tsx stays for `pnpm dev` and the tests).
 *
 * What goes in the bundle is our own code: this app and the workspace packages it imports (`@app/*`, TypeScript
 * sources). Third-party packages stay where pnpm installed them: each import is resolved now, from the package that
 * wrote it (pnpm gives every package its own dependencies), and kept as a relative import of that file, so Node loads
 * exactly what the TypeScript run loads. Two consequences: dist/ is run from this checkout (like the source), and our
 * modules' `import.meta.url` keeps naming their source file, so paths built from it (migrations, the web build) do not
 * move.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(apiDir, "dist");
const builtins = new Set(builtinModules);

/** A specifier that reaches `file` from dist/main.js. */
function fromDist(file) {
  const relative = path.relative(outdir, file).split(path.sep).join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

const isOurs = (file) => !file.split(path.sep).includes("node_modules");

/** @type {import("esbuild").Plugin} */
const thirdPartyInPlace = {
  name: "third-party-in-place",
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.inner) return undefined;
      const bare = args.path.startsWith("node:") ? args.path.slice(5) : args.path;
      if (builtins.has(bare.split("/")[0]) || builtins.has(bare)) return { path: args.path, external: true };
      if (args.path.startsWith("@app/")) return undefined;
      const resolved = await bundle.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: fromDist(resolved.path), external: true };
    });
    bundle.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
      if (!isOurs(args.path)) return undefined;
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return {
        contents: source.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(fromDist(args.path))}, import.meta.url).href`,
        ),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

const started = Date.now();
const result = await build({
  entryPoints: [path.join(apiDir, "src/main.ts")],
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // Node's own resolution: no "module" condition or field, which only bundlers read.
  conditions: ["node"],
  mainFields: ["main"],
  sourcemap: true,
  logLevel: "warning",
  metafile: true,
  plugins: [thirdPartyInPlace],
});
const bytes = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith("main.js"))?.[1].bytes ?? 0;
console.log(
  `API built: dist/main.js (${Math.round(bytes / 1024)} KiB, source map beside it) in ${Date.now() - started} ms`,
);

// The migrated embedded database as a snapshot (packages/db/src/pglite-snapshot.ts): `pnpm start` on an empty data
// folder loads it instead of running initdb and every migration.
const snapshot = spawnSync(
  process.execPath,
  ["--import", "tsx", path.join(apiDir, "../../packages/db/scripts/write-pglite-snapshot.ts")],
  { cwd: path.join(apiDir, "../../packages/db"), stdio: "inherit" },
);
if (snapshot.status !== 0) process.exit(snapshot.status ?? 1);
