import { trpc } from "../lib/trpc";

const BADGE_LIMIT = 100;

/**
 * Open callbacks the viewer can see, for the menu badge: one read of at most a hundred, then kept live by
 * callback:changed (live/apply-live-event.ts); past that page the badge says "99+".
 */
export function useOpenCallbackCount(): number | null {
  const query = trpc.callbacks.list.useQuery(
    { status: "OPEN", mine: false, limit: BADGE_LIMIT },
    { staleTime: 5 * 60_000, refetchOnWindowFocus: false },
  );
  if (!query.data) return null;
  return query.data.nextCursor ? BADGE_LIMIT : query.data.items.length;
}
