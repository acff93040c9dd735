/**
 * Prisma CLI config. Our machines cannot download Prisma's native schema engine, and every CLI
 * command checks for it first; pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub that exists skips the
 * download. `generate` never runs the engine; migrations are created by scripts/migrate-new.ts
 * through the wasm engine and applied at start-up by src/migrate.ts.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, "scripts", "schema-engine-stub.sh");

export default defineConfig({
  schema: path.join(here, "prisma", "schema.prisma"),
  migrations: { path: path.join(here, "prisma", "migrations") },
});
