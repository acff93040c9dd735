import type { TCallback } from "@app/telnyx-core/routing/routing-schemas";
import { keepPreviousData } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { useApplyLive } from "../../live/use-apply-live";

const PAGE_SIZE = 25;

export type CallbackStatus = "OPEN" | "DONE";

/** callbacks.list for a tab, newest first, extended with "Load more"; live updates land through the live layer. */
export function useCallbacks(status: CallbackStatus, mine: boolean) {
  const query = trpc.callbacks.list.useInfiniteQuery(
    { status, mine, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  return {
    callbacks: query.data?.pages.flatMap((page) => page.items) ?? [],
    isLoading: query.isPending,
    isRefreshing: query.isFetching && !query.isFetchingNextPage,
    isLoadingMore: query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.error,
    retry: () => void query.refetch(),
  };
}

/** Assign to me / Mark done; the answer goes into every cached list at once, by the live rules. */
export function useCallbackActions() {
  const live = useApplyLive();
  const onSuccess = (callback: TCallback) => live.applyCallback(callback);
  const assign = trpc.callbacks.assignToMe.useMutation({ onSuccess });
  const markDone = trpc.callbacks.markDone.useMutation({ onSuccess });
  return { assign, markDone };
}
