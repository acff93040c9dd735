/**
 * Agent states: the agent chooses AVAILABLE / AWAY (agentPresence); while they have a live call
 * their state is ON_CALL, and what they had chosen comes back when their last live call ends.
 * `since` is when the state last changed (User.agentStatusAt).
 */
import type { Prisma } from "@app/db/client";
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

/** The user's newest live call in the organization, if any. */
export async function currentCallIdOf(tx: Tx, organizationId: string, userId: string): Promise<string | null> {
  const call = await tx.telnyxCall.findFirst({
    where: { organizationId, userId, status: { in: [...LIVE_CALL_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return call?.id ?? null;
}

export function toAgentState(user: AgentUser, currentCallId: string | null): TAgentState {
  return { userId: user.id, name: user.name, status: user.agentStatus, since: user.agentStatusAt, currentCallId };
}

/**
 * Re-derives ON_CALL from the user's live calls (inside the caller's transaction) and returns the
 * agent:updated emit when the state changed.
 */
export async function refreshAgentStatus(tx: Tx, organizationId: string, userId: string): Promise<Emit[]> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: agentUserSelect });
  if (!user) return [];
  const currentCallId = await currentCallIdOf(tx, organizationId, userId);
  let data: Prisma.UserUpdateInput | null = null;
  if (currentCallId && user.agentStatus !== "ON_CALL")
    data = { agentStatus: "ON_CALL", agentPresence: user.agentStatus, agentStatusAt: new Date() };
  if (!currentCallId && user.agentStatus === "ON_CALL") {
    data = {
      agentStatus: user.agentPresence === "ON_CALL" ? "AVAILABLE" : user.agentPresence,
      agentStatusAt: new Date(),
    };
  }
  if (!data) return [];
  const updated = await tx.user.update({ where: { id: userId }, data, select: agentUserSelect });
  return [{ scope: "org", id: organizationId, event: "agent:updated", payload: toAgentState(updated, currentCallId) }];
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
