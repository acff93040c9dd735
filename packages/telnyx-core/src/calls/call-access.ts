/**
 * Who may see and act on a call: supervisors and admins on every call of their organization,
 * agents on their own calls and on incoming calls nobody has taken yet. Anything else is
 * "not found" (no hint that the call exists).
 */
import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";

/** What call commands need besides the database: Telnyx and live events. */
export interface CallServices {
  gatewayFor(organizationId: string): Promise<TelnyxGateway>;
  publisher?: Publisher;
}

export function callVisibilityWhere(actor: Actor): Prisma.TelnyxCallWhereInput {
  if (actor.role !== "AGENT") return { organizationId: actor.organizationId };
  return {
    organizationId: actor.organizationId,
    OR: [{ userId: actor.userId }, { userId: null, direction: "INBOUND" }],
  };
}

export async function requireCall<S extends Prisma.TelnyxCallSelect>(
  db: Db,
  actor: Actor,
  id: string,
  select: S,
): Promise<Prisma.TelnyxCallGetPayload<{ select: S }>> {
  const call = await db.prisma.telnyxCall.findFirst({ where: { id, ...callVisibilityWhere(actor) }, select });
  if (!call) throw new AppError("NOT_FOUND", "This call does not exist or is not yours.");
  return call as Prisma.TelnyxCallGetPayload<{ select: S }>;
}
