/** The header's own state: types and merge rule (no imports: the layout chunk stays light). */
export type AgentLiveStatus = "AVAILABLE" | "ON_CALL" | "WRAP_UP" | "AWAY" | "OFFLINE";

export interface OwnStatus {
  status: AgentLiveStatus;
  since: Date;
}

/**
 * The newer of two readings of the caller's own state (by `since`): a fetch answered after a live
 * event but read before it must not bring the older state back. The header's query uses it as its
 * structural sharing, so fetches, mutation results and live events all go through it.
 */
export function keepNewestStatus<T extends OwnStatus>(current: T | undefined, next: T): T {
  if (!current) return next;
  return new Date(current.since).getTime() > new Date(next.since).getTime() ? current : next;
}

/** The caller's own state after a live agent:updated: only their own, and only when not older than what is shown. */
export function applyOwnUpdate(
  current: OwnStatus | undefined,
  update: OwnStatus & { userId: string },
  userId: string,
): OwnStatus | undefined {
  if (update.userId !== userId) return current;
  return keepNewestStatus(current, { status: update.status, since: update.since });
}
