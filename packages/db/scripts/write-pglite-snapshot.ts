/**
 * Writes the migrated embedded-database snapshot for the current migrations if there is none yet
 * (src/pglite-snapshot.ts): run by the API's build so `pnpm start` on an empty data folder skips initdb.
 */
import { createMigratedPGlite, writeMigratedSnapshot } from "../src/pglite-snapshot.js";

const started = Date.now();
const { pglite, fromSnapshot } = await createMigratedPGlite(undefined);
if (!fromSnapshot) await writeMigratedSnapshot(pglite);
await pglite.close();
console.log(
  fromSnapshot
    ? "Embedded database snapshot: up to date"
    : `Embedded database snapshot: written in ${Date.now() - started} ms (node_modules/.cache/app-db)`,
);
