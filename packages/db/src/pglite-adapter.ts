/**
 * pglite-prisma-adapter 0.7.2 with its executeScript fixed: upstream calls `client.exec(script)`
 * without awaiting it, so a failing script is reported as success (and the shadow database
 * silently diverges). Every adapter handed out by this factory awaits the script instead.
 */
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

interface PGliteAdapterInternals {
  client: PGlite;
  onError(error: unknown): never;
}

function fixExecuteScript(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as unknown as PGliteAdapterInternals;
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.exec(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

export function createPGliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(client);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => fixExecuteScript(await inner.connect()),
    // Upstream creates the shadow database itself and never closes it; ours is closed on dispose.
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      const adapter = fixExecuteScript(await new PrismaPGlite(shadow).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.close();
      };
      return adapter;
    },
  };
}
