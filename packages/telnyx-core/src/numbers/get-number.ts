import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import { findNumberRow, readNumberDto } from "./list-numbers";
import type { TNumberDto } from "./number-schemas";
import { pollNumberOrders } from "./poll-number-orders";

const STALE_MS = 30_000;

/** One number; a purchase pending for too long is checked with Telnyx first (its webhook may be lost). */
export async function getNumber(options: {
  db: Db;
  actor: Actor;
  id: string;
  gatewayFor: (organizationId: string) => Promise<TelnyxGateway>;
  publisher: Publisher;
}): Promise<TNumberDto> {
  const { db, actor, id } = options;
  const row = await findNumberRow(db, actor, id);
  if (row.status === "PURCHASE_PENDING" && Date.now() - row.updatedAt.getTime() > STALE_MS) {
    // Best effort: when Telnyx is unreachable the number is shown as it is.
    await pollNumberOrders({
      db,
      gatewayFor: options.gatewayFor,
      publisher: options.publisher,
      organizationId: actor.organizationId,
      numberId: id,
      olderThanMs: STALE_MS,
    }).catch(() => undefined);
  }
  return readNumberDto(db, actor, id);
}
