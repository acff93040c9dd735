import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import { syncRunSelect, toSyncRunDto, type TSyncRun } from "./sync-schemas";

export async function listSyncRuns(options: { db: Db; actor: Actor; limit: number }): Promise<{ items: TSyncRun[] }> {
  const rows = await options.db.prisma.syncRun.findMany({
    where: { organizationId: options.actor.organizationId },
    select: syncRunSelect,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: options.limit,
  });
  return { items: rows.map(toSyncRunDto) };
}

export async function getSyncRun(options: { db: Db; actor: Actor; id: string }): Promise<TSyncRun> {
  const row = await options.db.prisma.syncRun.findFirst({
    where: { id: options.id, organizationId: options.actor.organizationId },
    select: syncRunSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "This sync run does not exist.");
  return toSyncRunDto(row);
}
