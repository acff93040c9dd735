/**
 * Agent states, owned by the server. The agent chooses AVAILABLE / AWAY (agentPresence); while they
 * have a live call their state is ON_CALL, then WRAP_UP for the organization's wrap-up seconds after
 * it ended, then what they had chosen. OFFLINE when their last socket has been gone for the offline
 * grace (presence.ts). `since` is when the state last changed (User.agentStatusAt).
 * A user's state is one fact shown to every organization they belong to: each change is pushed to all.
 */
import type { AgentStatus, Prisma } from "@app/db/client";
import { LIVE_CALL_STATUSES, isLiveCallStatus } from "../calls/call-state";
import type { TAgentState } from "../realtime/events";
import type { Emit, Tx } from "../webhooks/apply-types";

export const agentUserSelect = {
  id: true,
  name: true,
  agentStatus: true,
  agentStatusAt: true,
  agentPresence: true,
} as const satisfies Prisma.UserSelect;
type AgentUser = Prisma.UserGetPayload<{ select: typeof agentUserSelect }>;

/** What an agent goes back to after a call, a wrap-up or a reconnection: their choice (never chosen: AVAILABLE). */
export function chosenStatusOf(presence: AgentStatus): "AVAILABLE" | "AWAY" | "OFFLINE" {
  return presence === "AWAY" || presence === "OFFLINE" ? presence : "AVAILABLE";
}

/** The user's newest live call in the organization, if any. */
export async function currentCallIdOf(tx: Tx, organizationId: string, userId: string): Promise<string | null> {
  const call = await tx.telnyxCall.findFirst({
    where: {
      organizationId,
      userId,
      status: { in: [...LIVE_CALL_STATUSES] },
      // Not on a call they handed off (a transfer to a number keeps it theirs). `NOT { equals }` would drop nulls.
      OR: [{ transferredFromUserId: null }, { transferredFromUserId: { not: userId } }],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return call?.id ?? null;
}

export function toAgentState(user: AgentUser, currentCallId: string | null): TAgentState {
  return { userId: user.id, name: user.name, status: user.agentStatus, since: user.agentStatusAt, currentCallId };
}

/** agent:updated for every organization the user is a member of (each with its own current call). */
export async function agentEmitsForUser(tx: Tx, userId: string): Promise<Emit[]> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { ...agentUserSelect, memberships: { select: { organizationId: true } } },
  });
  if (!user) return [];
  const emits: Emit[] = [];
  for (const { organizationId } of user.memberships) {
    const payload = toAgentState(user, await currentCallIdOf(tx, organizationId, userId));
    emits.push({ scope: "org", id: organizationId, event: "agent:updated", payload });
  }
  return emits;
}

/** When the wrap-up after the user's last call in the organization ends; null: no wrap-up (0 s, or already over). */
async function wrapUpEndOf(tx: Tx, organizationId: string, userId: string, now: Date): Promise<Date | null> {
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { wrapUpSecs: true } });
  if (!org || org.wrapUpSecs <= 0) return null;
  const last = await tx.telnyxCall.findFirst({
    where: { organizationId, userId, endedAt: { not: null } },
    orderBy: { endedAt: "desc" },
    select: { endedAt: true },
  });
  // Counted from the call's end: a call that ended while nobody listened (reconciled later) gets none, and so
  // does an agent left ON_CALL with no ended call to count from (rebuilt at start).
  if (!last?.endedAt) return null;
  const endedAt = last.endedAt < now ? last.endedAt : now;
  const end = new Date(endedAt.getTime() + org.wrapUpSecs * 1000);
  return end > now ? end : null;
}

/**
 * Re-derives ON_CALL from the user's live calls (inside the caller's transaction): ON_CALL wins
 * over any other state; when the last live call ends, WRAP_UP (or straight back to the agent's
 * choice). Returns the agent:updated emits when the state changed.
 */
export async function refreshAgentStatus(tx: Tx, organizationId: string, userId: string): Promise<Emit[]> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: agentUserSelect });
  if (!user) return [];
  const now = new Date();
  const currentCallId = await currentCallIdOf(tx, organizationId, userId);
  let data: Prisma.UserUpdateInput | null = null;
  if (currentCallId && user.agentStatus !== "ON_CALL") {
    // The state left behind is the agent's choice, unless it was a wrap-up (the choice is already stored).
    const presence = user.agentStatus === "WRAP_UP" ? user.agentPresence : user.agentStatus;
    data = { agentStatus: "ON_CALL", agentPresence: presence, agentStatusAt: now, wrapUpUntil: null };
  }
  if (!currentCallId && user.agentStatus === "ON_CALL") {
    const choice = chosenStatusOf(user.agentPresence);
    const wrapUpUntil = choice === "OFFLINE" ? null : await wrapUpEndOf(tx, organizationId, userId, now);
    data = wrapUpUntil
      ? { agentStatus: "WRAP_UP", wrapUpUntil, agentStatusAt: now }
      : { agentStatus: choice, wrapUpUntil: null, agentStatusAt: now };
  }
  if (!data) return [];
  await tx.user.update({ where: { id: userId }, data, select: { id: true } });
  return agentEmitsForUser(tx, userId);
}

type CallSide = { userId: string | null; status: string; lastEventAt?: Date | null } | null;
const isLive = (call: CallSide) => call !== null && isLiveCallStatus(call.status);

/** agent:updated emits for the agents a call change concerns (it went live or ended, or changed hands). */
export async function agentEmitsForCall(
  tx: Tx,
  organizationId: string,
  previous: CallSide,
  after: CallSide,
): Promise<Emit[]> {
  // A click-to-call row is written live before any webhook: its first applied event is when it starts counting.
  const before = previous && previous.lastEventAt !== null ? previous : null;
  if (isLive(before) === isLive(after) && before?.userId === after?.userId) return [];
  const userIds = new Set([before?.userId, after?.userId].filter((id): id is string => Boolean(id)));
  const emits: Emit[] = [];
  for (const userId of userIds) emits.push(...(await refreshAgentStatus(tx, organizationId, userId)));
  return emits;
}
