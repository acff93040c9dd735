import { keepPreviousData } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";

export function useThreads(search: string) {
  const debounced = useDebouncedValue(search.trim(), 300);
  const query = trpc.messages.threads.useInfiniteQuery(
    { search: debounced || undefined, limit: 30 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  return {
    threads: query.data?.pages.flatMap((page) => page.items) ?? [],
    search: debounced,
    isLoading: query.isPending,
    hasMore: query.hasNextPage,
    isLoadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.error,
  };
}

export interface ThreadTarget {
  leadId?: string;
  counterpartNumber?: string;
}

/** One conversation; page 0 is the newest, older pages come with "Show older messages". */
export function useThread(target: ThreadTarget | null) {
  const query = trpc.messages.thread.useInfiniteQuery(
    { leadId: target?.leadId, counterpartNumber: target?.leadId ? undefined : target?.counterpartNumber, limit: 50 },
    { enabled: target !== null, getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const pages = query.data?.pages ?? [];
  const head = pages[0];
  return {
    messages: [...pages].reverse().flatMap((page) => page.items),
    head,
    isLoading: target !== null && query.isPending,
    hasOlder: query.hasNextPage,
    isLoadingOlder: query.isFetchingNextPage,
    loadOlder: () => void query.fetchNextPage(),
    error: query.error,
  };
}
