import { defineConfig } from "tsup";

// Workspace sources used at run time (the event schemas) are bundled in; the API is `import type`
// only, so nothing of the server ends up in dist. Third-party runtime deps stay external.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  noExternal: [/^@app\/telnyx-core/],
  external: ["@trpc/client", "superjson", "socket.io-client", "zod"],
});
