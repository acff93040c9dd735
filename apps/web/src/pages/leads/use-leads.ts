import { keepPreviousData } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

/** Server-side search (debounced) with cursor pages appended by "Load more". */
export function useLeads(search: string) {
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const query = trpc.leads.list.useInfiniteQuery(
    { search: debouncedSearch || undefined, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  const pages = query.data?.pages ?? [];
  return {
    leads: pages.flatMap((page) => page.items),
    total: pages[0]?.total ?? 0,
    search: debouncedSearch,
    isLoading: query.isPending,
    /** A new search is running while the previous results are still shown. */
    isRefreshing: query.isFetching && !query.isFetchingNextPage,
    isLoadingMore: query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.error,
    retry: () => void query.refetch(),
  };
}
