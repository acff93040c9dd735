#!/usr/bin/env node
/**
 * The README's two commands. Works on a machine that has only Node (>= 20.19) and npm:
 *   npm start  → install, build the web app and the API (JavaScript in dist/), start it on the embedded
 *                database + Telnyx sandbox with plain Node
 *   npm test   → install, make sure PostgreSQL/Redis/Chromium are there, lint, typecheck, run every test
 *   npm run bench → install, run the benchmarks
 * pnpm is used through `npx pnpm@<pinned>` when it is not installed.
 */
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).packageManager; // pnpm@x.y.z
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 20.19 or newer.`);
  process.exit(1);
}

function hasPnpm() {
  try {
    return (
      execSync("pnpm --version", { stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim() === pinned.split("@")[1]
    );
  } catch {
    return false;
  }
}
const pnpmCmd = hasPnpm() ? ["pnpm"] : ["npx", "--yes", pinned];

function run(args, options = {}) {
  const [cmd, ...rest] = [...pnpmCmd, ...args];
  const result = spawnSync(cmd, rest, { cwd: root, stdio: "inherit", env: { ...process.env, ...options.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function shell(script) {
  const result = spawnSync("bash", [path.join(root, "scripts", script)], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const task = process.argv[2];
const ci = process.env.CI === "true";
run(["install", ...(ci || existsSync(path.join(root, "node_modules")) ? ["--frozen-lockfile"] : [])]);

switch (task) {
  case "start":
    run(["--filter", "@app/web", "--filter", "@app/api", "build"]);
    run(["--filter", "@app/api", "start"]);
    break;
  case "test":
    shell("ensure-test-services.sh");
    run(["lint"]);
    run(["typecheck"]);
    run(["--filter", "@app/web", "build"]);
    // The reliability suite (outage, faults, 10-minute soak) runs apart: `pnpm test:reliability`.
    run(["exec", "vitest", "run", "--project", "!reliability"]);
    break;
  case "bench":
    shell("ensure-test-services.sh");
    run(["--filter", "@app/web", "build"]);
    run(["exec", "tsx", "bench/run.ts"]);
    break;
  default:
    console.error("usage: quickstart.mjs start|test|bench");
    process.exit(2);
}
