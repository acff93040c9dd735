/**
 * Presence from live connections, valid across API instances. A socket closing, or a start-up /
 * periodic sweep finding none of an agent's sockets, stamps `presenceCheckAt`; once the offline grace
 * has passed, the instance that picks the check up counts the agent's sockets on every instance
 * (the caller does: this package knows no socket.io) and settles it: a socket left → nothing
 * changes; none → OFFLINE. A socket opening clears the stamp and brings an OFFLINE agent back to
 * their choice. Every write is conditional on the stamp it read, so instances racing each other or
 * a reconnection never turn a connected agent OFFLINE.
 */
import type { AgentStatus } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Emit } from "../webhooks/apply-types";
import { agentEmitsForUser, chosenStatusOf } from "./agent-presence";

export const DEFAULT_OFFLINE_GRACE_MS = 30_000;

/** A socket of the user opened (on any instance): no check pending; OFFLINE → their choice (never chosen: AVAILABLE). */
const connectionStateSelect = { agentStatus: true, agentPresence: true, presenceCheckAt: true } as const;

/** What a new connection writes: nothing for another tab or a reconnection storm, else the choice it restores. */
function choiceOnConnect(user: { agentStatus: AgentStatus; agentPresence: AgentStatus; presenceCheckAt: Date | null }) {
  // Gone OFFLINE (or during a call), or never chosen: AVAILABLE comes back with the connection.
  const chosen = chosenStatusOf(user.agentPresence);
  const choice = chosen === "OFFLINE" ? "AVAILABLE" : chosen;
  const isSettled = user.agentStatus !== "OFFLINE" && user.presenceCheckAt === null && user.agentPresence === choice;
  return isSettled ? null : choice;
}

export async function markAgentConnected(options: { db: Db; userId: string; now?: Date }): Promise<Emit[]> {
  const { db, userId } = options;
  const now = options.now ?? new Date();
  // Every socket connects through here: the usual case (already present) is one read, no transaction, which on the
  // embedded database would hold its only connection.
  const seen = await db.prisma.user.findUnique({ where: { id: userId }, select: connectionStateSelect });
  if (!seen || choiceOnConnect(seen) === null) return [];
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: connectionStateSelect });
    if (!user) return [];
    const choice = choiceOnConnect(user);
    if (choice === null) return [];
    // Both writes are conditional (PostgreSQL re-reads a row another transaction just changed): a check settled
    // OFFLINE meanwhile is undone by the second attempt, never left OFFLINE with this socket open.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const restored = await tx.user.updateMany({
        where: { id: userId, agentStatus: "OFFLINE" },
        data: { presenceCheckAt: null, agentStatus: choice, agentPresence: choice, agentStatusAt: now },
      });
      if (restored.count > 0) return agentEmitsForUser(tx, userId);
      const present = await tx.user.updateMany({
        where: { id: userId, agentStatus: { not: "OFFLINE" } },
        data: { presenceCheckAt: null, agentPresence: choice },
      });
      if (present.count > 0) return [];
    }
    return [];
  });
}

/** A socket of the user closed: their sockets are counted once the grace has passed from now (a later close postpones). */
export async function markAgentSocketGone(options: { db: Db; userId: string; at: Date }): Promise<void> {
  await options.db.prisma.user.updateMany({
    where: { id: options.userId },
    data: { presenceCheckAt: options.at },
  });
}

/**
 * A sweep found no socket for these agents (start-up, or periodically for instances that died
 * without closing theirs): a check is stamped for every member shown as present and not among
 * `connectedUserIds`, unless one is pending already.
 */
export async function markUnseenAgents(options: { db: Db; connectedUserIds: string[]; at: Date }): Promise<number> {
  const { count } = await options.db.prisma.user.updateMany({
    where: {
      presenceCheckAt: null,
      id: { notIn: options.connectedUserIds },
      memberships: { some: {} },
      agentStatus: { not: "OFFLINE" },
      NOT: { agentStatus: "ON_CALL", agentPresence: "OFFLINE" },
    },
    data: { presenceCheckAt: options.at },
  });
  return count;
}

export interface PresenceCheck {
  userId: string;
  checkAt: Date;
}

/** Checks whose grace is over (stamped at or before `stampedBefore`), oldest first. */
export async function listDuePresenceChecks(options: { db: Db; stampedBefore: Date }): Promise<PresenceCheck[]> {
  const rows = await options.db.prisma.user.findMany({
    where: { presenceCheckAt: { lte: options.stampedBefore } },
    orderBy: { presenceCheckAt: "asc" },
    select: { id: true, presenceCheckAt: true },
    take: 500,
  });
  return rows.map((row) => ({ userId: row.id, checkAt: row.presenceCheckAt! }));
}

/**
 * Settles one due check with the count of the agent's sockets on every instance: some → the check
 * is dropped; none → OFFLINE (while on a call, OFFLINE is what follows the call). Nothing happens
 * when the stamp changed meanwhile (a socket opened or closed since it was read).
 */
export async function settlePresenceCheck(options: {
  db: Db;
  check: PresenceCheck;
  isConnected: boolean;
  now?: Date;
}): Promise<Emit[]> {
  const { db, check, isConnected } = options;
  const now = options.now ?? new Date();
  const pending = { id: check.userId, presenceCheckAt: check.checkAt };
  if (isConnected) {
    await db.prisma.user.updateMany({ where: pending, data: { presenceCheckAt: null } });
    return [];
  }
  return db.prisma.$transaction(async (tx) => {
    const onCall = await tx.user.updateMany({
      where: { ...pending, agentStatus: "ON_CALL" },
      data: { presenceCheckAt: null, agentPresence: "OFFLINE" },
    });
    if (onCall.count > 0) return [];
    const gone = await tx.user.updateMany({
      where: { ...pending, agentStatus: { not: "OFFLINE" } },
      data: { presenceCheckAt: null, agentStatus: "OFFLINE", agentStatusAt: now, wrapUpUntil: null },
    });
    if (gone.count === 0) {
      await tx.user.updateMany({ where: pending, data: { presenceCheckAt: null } });
      return [];
    }
    return agentEmitsForUser(tx, check.userId);
  });
}

/** Wrap-ups that are over go back to the agent's choice (unless they changed it meanwhile: then it is no longer WRAP_UP). */
export async function finishDueWrapUps(options: { db: Db; now?: Date }): Promise<Emit[]> {
  const { db } = options;
  const now = options.now ?? new Date();
  const due = await db.prisma.user.findMany({
    where: { agentStatus: "WRAP_UP", wrapUpUntil: { lte: now } },
    select: { id: true, wrapUpUntil: true, agentPresence: true },
    take: 500,
  });
  const emits: Emit[] = [];
  for (const user of due) {
    emits.push(
      ...(await db.prisma.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({
          where: { id: user.id, agentStatus: "WRAP_UP", wrapUpUntil: user.wrapUpUntil },
          data: { agentStatus: chosenStatusOf(user.agentPresence), agentStatusAt: now, wrapUpUntil: null },
        });
        return count > 0 ? agentEmitsForUser(tx, user.id) : [];
      })),
    );
  }
  return emits;
}
