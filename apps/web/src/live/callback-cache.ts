/** How a live callback (callback:changed) merges into the cached callback lists (pure). */
import type { TCallback } from "@app/telnyx-core/routing/routing-schemas";
import type { Page, Pages } from "./cache-merge";
import type { Viewer } from "./call-cache";

/** The subset of callbacks.list input a cached list was fetched with. */
export interface CallbackListFilter {
  status?: "OPEN" | "DONE";
  mine?: boolean;
}

export type CallbackPages = Pages<Page<TCallback>>;

export function matchesCallbackFilter(callback: TCallback, filter: CallbackListFilter, viewer: Viewer): boolean {
  const status = filter.status ?? "OPEN";
  if ((status === "DONE") !== (callback.doneAt !== null)) return false;
  return !filter.mine || callback.assigneeUserId === viewer.userId;
}

/** Newest first, as the API lists them. */
function compareCallbacks(a: TCallback, b: TCallback): number {
  return new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || b.id.localeCompare(a.id);
}

/** Done is final: a late "open" version of a callback already done (or one assigned to nobody again) is stale. */
function isStale(incoming: TCallback, existing: TCallback): boolean {
  return existing.doneAt !== null && incoming.doneAt === null;
}

export interface CallbackMerge {
  data: CallbackPages;
  /**
   * A callback this list has not seen but may now show: only the server knows whether the viewer may see it
   * (agents see their queues' callbacks), so the list is read again rather than guessed.
   */
  needsRefetch: boolean;
}

export function mergeCallbackIntoPages(
  data: CallbackPages,
  callback: TCallback,
  filter: CallbackListFilter,
  viewer: Viewer,
): CallbackMerge {
  const isWanted = matchesCallbackFilter(callback, filter, viewer);
  const pageIndex = data.pages.findIndex((page) => page.items.some((item) => item.id === callback.id));
  if (pageIndex === -1) {
    if (!isWanted) return { data, needsRefetch: false };
    if (viewer.role === "AGENT") return { data, needsRefetch: true };
    return { data: insertCallback(data, callback), needsRefetch: false };
  }
  const page = data.pages[pageIndex]!;
  const existing = page.items.find((item) => item.id === callback.id)!;
  if (isStale(callback, existing)) return { data, needsRefetch: false };
  const items = isWanted
    ? page.items.map((item) => (item.id === callback.id ? callback : item))
    : page.items.filter((item) => item.id !== callback.id);
  return {
    data: { ...data, pages: data.pages.map((p, i) => (i === pageIndex ? { ...p, items } : p)) },
    needsRefetch: false,
  };
}

/** Into the page whose range covers it; after everything loaded while more pages exist, "Load more" brings it. */
function insertCallback(data: CallbackPages, callback: TCallback): CallbackPages {
  let target = data.pages.findIndex((page) => {
    const last = page.items.at(-1);
    return last === undefined || compareCallbacks(callback, last) <= 0;
  });
  if (target === -1 && data.pages.at(-1)?.nextCursor === null) target = data.pages.length - 1;
  if (target === -1) return data;
  return {
    ...data,
    pages: data.pages.map((page, i) =>
      i === target ? { ...page, items: [...page.items, callback].sort(compareCallbacks) } : page,
    ),
  };
}
