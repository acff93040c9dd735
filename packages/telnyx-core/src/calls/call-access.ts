/**
 * Who may see and act on a call: supervisors and admins on every call of their organization,
 * agents on their own calls and on incoming calls nobody has taken yet. Anything else is
 * "not found" (no hint that the call exists).
 */
import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { DomainContext } from "../domain/domain-context";

/** What call commands take from the domain context: the database, the caller, Telnyx and live events. */
export type CallContext = Pick<DomainContext, "db" | "actor" | "gatewayFor" | "publisher">;

type CallOwnership = { userId: string | null; direction: "INBOUND" | "OUTBOUND" };

/**
 * What an agent may read, stated once: their own calls, and inbound calls nobody has taken yet.
 * `self` stands for the agent. HTTP's where clause and the live channel's routing both derive from it.
 */
const AGENT_CALL_RULE: ReadonlyArray<{ userId: "self" } | { userId: null; direction: "INBOUND" }> = [
  { userId: "self" },
  { userId: null, direction: "INBOUND" },
];

/**
 * Calls of the queues the agent is a member of (voicemails and missed calls included): the queue's team sees them —
 * inbound calls, and outbound ones an agent transferred to the queue.
 */
export function queueCallsWhere(actor: Actor): Prisma.TelnyxCallWhereInput {
  return { queue: { members: { some: { userId: actor.userId } } } };
}

export function callVisibilityWhere(actor: Actor): Prisma.TelnyxCallWhereInput {
  if (actor.role !== "AGENT") return { organizationId: actor.organizationId };
  return {
    organizationId: actor.organizationId,
    OR: [
      ...AGENT_CALL_RULE.map((clause) => (clause.userId === "self" ? { userId: actor.userId } : clause)),
      queueCallsWhere(actor),
    ],
  };
}

/** Which of the organization's agents may read this call (supervisors and admins read every call). */
export function agentReadersOfCall(call: CallOwnership): "all" | "none" | { userId: string } {
  for (const clause of AGENT_CALL_RULE) {
    if (clause.userId === "self") {
      if (call.userId !== null) return { userId: call.userId };
    } else if (call.userId === clause.userId && call.direction === clause.direction) {
      return "all";
    }
  }
  return "none";
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
