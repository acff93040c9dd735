import { keepPreviousData } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { toAuditInput, type AuditFilters } from "./audit-values";

const PAGE_SIZE = 50;

/** Newest first, cursor pages appended by "Load more"; changing a filter starts again from the top. */
export function useAuditLog(filters: AuditFilters) {
  const query = trpc.audit.list.useInfiniteQuery(toAuditInput(filters, PAGE_SIZE), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  return {
    entries: pages.flatMap((page) => page.items),
    isLoading: query.isPending,
    isRefreshing: query.isFetching && !query.isFetchingNextPage,
    isLoadingMore: query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.error,
    retry: () => void query.refetch(),
  };
}
