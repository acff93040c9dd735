/** Live events → React Query caches, in place (setQueryData), for every cached variant of a query. */
import type { Query, QueryClient } from "@tanstack/react-query";
import type { TCallDto, TMessageDto, TOptOutEvent } from "@app/telnyx-core/realtime/events";
import { getQueryKey } from "@trpc/react-query";
import { trpc } from "../lib/trpc";
import { byDateDesc, isSameOrNewer, upsertInPages, type Page, type Pages } from "./cache-merge";
import type { TCallback } from "@app/telnyx-core/routing/routing-schemas";
import { type CallbackListFilter, type CallbackPages, mergeCallbackIntoPages } from "./callback-cache";
import {
  isOthersQueueCall,
  mergeActiveCall,
  mergeCallIntoPages,
  type CallListFilter,
  type EndedCalls,
  type Viewer,
} from "./call-cache";
import {
  applyOptOutToThread,
  isMessageInThread,
  mergeMessageIntoThread,
  mergeMessageIntoThreads,
  type ThreadPage,
  type ThreadSelector,
  type ThreadsPage,
} from "./message-cache";

/** tRPC's keys are [path, { input, type }]; its getQueryKey without input matches every variant of a path. */
interface TrpcKeyMeta {
  input?: unknown;
  type?: "query" | "infinite" | "any";
}

function readMeta(query: Query): TrpcKeyMeta {
  const meta = query.queryKey[1];
  return typeof meta === "object" && meta !== null ? (meta as TrpcKeyMeta) : {};
}

/** Applies a pages updater to every cached variant; plain (non-infinite) queries are seen as one page. */
function updatePaged<P>(
  queryClient: QueryClient,
  key: readonly unknown[],
  update: (data: Pages<P>, input: unknown) => Pages<P>,
): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: key })) {
    const { input, type } = readMeta(query);
    queryClient.setQueryData(query.queryKey, (data: unknown) => {
      if (data === undefined) return data;
      if (type === "infinite") return update(data as Pages<P>, input);
      const single: Pages<P> = { pages: [data as P], pageParams: [null] };
      const next = update(single, input);
      return next === single ? data : next.pages[0];
    });
  }
}

const endedCallsByClient = new WeakMap<QueryClient, EndedCalls>();

function getEndedCalls(queryClient: QueryClient): EndedCalls {
  const known = endedCallsByClient.get(queryClient);
  if (known) return known;
  const ended = new Map();
  endedCallsByClient.set(queryClient, ended);
  return ended;
}

export function applyCall(queryClient: QueryClient, call: TCallDto, viewer: Viewer): void {
  updatePaged<Page<TCallDto>>(queryClient, getQueryKey(trpc.calls.list), (data, input) =>
    mergeCallIntoPages(data, call, input as CallListFilter | undefined, viewer),
  );
  // A queue's voicemail or missed call: the agent's lists are read again, the server knowing their queues.
  if (isOthersQueueCall(call, viewer) && call.inboundOutcome && call.inboundOutcome !== "ANSWERED")
    void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.calls.list) });
  queryClient.setQueriesData<TCallDto[]>({ queryKey: getQueryKey(trpc.calls.active) }, (list) =>
    list ? mergeActiveCall(list, call, viewer, getEndedCalls(queryClient)) : list,
  );
  for (const query of queryClient.getQueryCache().findAll({ queryKey: getQueryKey(trpc.calls.get) })) {
    const input = readMeta(query).input as { id?: string } | undefined;
    if (input?.id !== call.id) continue;
    queryClient.setQueryData(query.queryKey, (detail: (TCallDto & object) | undefined) =>
      detail && isSameOrNewer(call, detail) ? { ...detail, ...call } : detail,
    );
    // The timeline and recording URL are not in the live payload: refetch them if the drawer is open.
    void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  }
}

const compareMessagesDesc = byDateDesc<TMessageDto>((message) => message.createdAt);

interface MessageListFilter {
  direction?: "INBOUND" | "OUTBOUND";
  status?: TMessageDto["status"][];
}

export function applyMessage(queryClient: QueryClient, message: TMessageDto): void {
  updatePaged<ThreadPage>(queryClient, getQueryKey(trpc.messages.thread), (data, input) =>
    isMessageInThread(message, (input ?? {}) as ThreadSelector) ? mergeMessageIntoThread(data, message) : data,
  );
  updatePaged<ThreadsPage>(queryClient, getQueryKey(trpc.messages.threads), (data, input) => {
    const search = (input as { search?: string } | undefined)?.search;
    const next = mergeMessageIntoThreads(data, message, !search);
    // Only the server knows whether a new thread matches a search.
    if (next === data && search) void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.messages.threads) });
    return next;
  });
  updatePaged<Page<TMessageDto>>(queryClient, getQueryKey(trpc.messages.list), (data, input) => {
    const filter = (input ?? {}) as MessageListFilter;
    const isWanted =
      (!filter.direction || filter.direction === message.direction) &&
      (!filter.status?.length || filter.status.includes(message.status));
    return upsertInPages(data, message, compareMessagesDesc, isWanted);
  });
}

export function applyOptOut(queryClient: QueryClient, event: TOptOutEvent): void {
  updatePaged<ThreadPage>(queryClient, getQueryKey(trpc.messages.thread), (data) => applyOptOutToThread(data, event));
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.messages.optOuts) });
}

/** callback:changed → every cached callbacks.list (the page's tabs and the menu's open count). */
export function applyCallback(queryClient: QueryClient, callback: TCallback, viewer: Viewer): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: getQueryKey(trpc.callbacks.list) })) {
    const { input, type } = readMeta(query);
    const filter = (input ?? {}) as CallbackListFilter;
    let needsRefetch = false;
    queryClient.setQueryData(query.queryKey, (data: unknown) => {
      if (data === undefined) return data;
      const pages: CallbackPages =
        type === "infinite"
          ? (data as CallbackPages)
          : { pages: [data as CallbackPages["pages"][number]], pageParams: [null] };
      const merged = mergeCallbackIntoPages(pages, callback, filter, viewer);
      needsRefetch = merged.needsRefetch;
      if (merged.data === pages) return data;
      return type === "infinite" ? merged.data : merged.data.pages[0];
    });
    if (needsRefetch) void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  }
}

/**
 * On every socket (re)connection: data fetched before it may have missed events, so it is refetched
 * (merging by id keeps the result free of duplicates). Queries still loading already see the present.
 */
export function catchUpAfterConnect(queryClient: QueryClient, connectedAt: number): void {
  const predicate = (query: Query) => query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < connectedAt;
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.calls), predicate });
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.messages), predicate });
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.stats.overview), predicate });
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.agents.list), predicate });
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.callbacks.list), predicate });
}
