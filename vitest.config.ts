import { defineConfig } from "vitest/config";

// One runner, five projects: unit tests beside the code, the same integration suite against
// embedded PGlite and against PostgreSQL, browser e2e in Debian's Chromium, and the reliability
// suite (outage, faults, soak: long, so `pnpm test` leaves it to `pnpm test:reliability`).
// Timeouts are for hangs, not speed: a loaded 2-core CI machine (load average 28 seen) took over a minute for a
// 300-webhook burst on PGlite, so integration tests get three minutes before they count as hung.
const integrationInclude = [
  "{apps,packages}/*/src/**/*.integration.test.ts",
  "{apps,packages}/*/test/**/*.integration.test.ts",
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.{ts,tsx}", "{apps,packages}/*/test/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/*.reliability.test.ts", "**/node_modules/**"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration-pglite",
          include: integrationInclude,
          env: { TEST_DB: "pglite" },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "integration-postgres",
          include: integrationInclude,
          env: { TEST_DB: "postgres" },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["apps/web/e2e/**/*.spec.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "reliability",
          include: ["{apps,packages}/*/test/reliability/**/*.reliability.test.ts"],
          env: { TEST_DB: "postgres" },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
