import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { Dayjs } from "dayjs";
import type { CallStatus } from "@app/ui/call-status-tag";
import { getQueryKey } from "@trpc/react-query";
import { trpc } from "../../lib/trpc";

const PAGE_SIZE = 25;

export interface CallFilters {
  direction?: "INBOUND" | "OUTBOUND";
  status: CallStatus[];
  userId?: string;
  dates: [Dayjs, Dayjs] | null;
}

export const EMPTY_CALL_FILTERS: CallFilters = { status: [], dates: null };

export function hasCallFilters(filters: CallFilters): boolean {
  return Boolean(filters.direction || filters.status.length > 0 || filters.userId || filters.dates);
}

/**
 * calls.list with the page's filters, newest first, extended page by page with "Load more".
 * tRPC's own useInfiniteQuery sends TanStack's paging `direction` ("forward") in the input, which
 * collides with calls.list's `direction` filter (and its infinite key drops `direction` from the input);
 * so the infinite query is built here, on tRPC's query key for this input marked infinite
 * (invalidation and the live layer find it like any other).
 */
export function useCalls(filters: CallFilters) {
  const utils = trpc.useUtils();
  const input = {
    direction: filters.direction,
    status: filters.status.length > 0 ? filters.status : undefined,
    userId: filters.userId,
    from: filters.dates ? filters.dates[0].startOf("day").toDate() : undefined,
    to: filters.dates ? filters.dates[1].endOf("day").toDate() : undefined,
    limit: PAGE_SIZE,
  };
  const [path, meta] = getQueryKey(trpc.calls.list, input, "query");
  const query = useInfiniteQuery({
    queryKey: [path, { ...meta, type: "infinite" }],
    queryFn: ({ pageParam, signal }) => utils.client.calls.list.query({ ...input, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return {
    calls: query.data?.pages.flatMap((page) => page.items) ?? [],
    isLoading: query.isPending,
    isRefreshing: query.isFetching && !query.isFetchingNextPage,
    isLoadingMore: query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.error,
    retry: () => void query.refetch(),
  };
}
