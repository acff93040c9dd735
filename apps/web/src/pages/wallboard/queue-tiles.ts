/** Per-queue wallboard figures, ticking between server updates (pure). */
import type { TQueue } from "@app/telnyx-core/routing/routing-schemas";

/** The longest wait now: the figure the server sent, plus the time since it arrived (a caller keeps waiting). */
export function getLiveLongestWait(
  queue: Pick<TQueue, "waiting" | "longestWaitSecs">,
  receivedAt: number,
  now: number,
): number | null {
  if (queue.waiting === 0 || queue.longestWaitSecs === null) return null;
  return queue.longestWaitSecs + Math.max(0, Math.floor((now - receivedAt) / 1000));
}

/** queue:updated → the snapshot's queue list, by id (a queue unknown so far is added; names keep the order). */
export function mergeQueue<Q extends { id: string; name: string }>(queues: readonly Q[], queue: Q): Q[] {
  const others = queues.filter((item) => item.id !== queue.id);
  return [...others, queue].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
