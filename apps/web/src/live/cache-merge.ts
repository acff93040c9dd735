/**
 * Pure merge rules for live events into React Query data. Payloads are whole records: an item is
 * matched by id and replaced only by a version at least as new (updatedAt), so a duplicate or a late
 * event never rolls the screen back. Unchanged inputs are returned as the same object (no re-render).
 */
export interface Versioned {
  id: string;
  updatedAt: Date;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Pages<P> {
  pages: P[];
  pageParams: unknown[];
}

export type Compare<T> = (a: T, b: T) => number;

export function isSameOrNewer(incoming: Versioned, existing: Versioned): boolean {
  return new Date(incoming.updatedAt).getTime() >= new Date(existing.updatedAt).getTime();
}

/** Newest first by a date, then by id so the order is total. */
export function byDateDesc<T extends { id: string }>(pick: (item: T) => Date): Compare<T> {
  return (a, b) => new Date(pick(b)).getTime() - new Date(pick(a)).getTime() || b.id.localeCompare(a.id);
}

/** Oldest first by a date, then by id. */
export function byDateAsc<T extends { id: string }>(pick: (item: T) => Date): Compare<T> {
  return (a, b) => new Date(pick(a)).getTime() - new Date(pick(b)).getTime() || a.id.localeCompare(b.id);
}

function insertSorted<T>(items: T[], item: T, compare: Compare<T>): T[] {
  const index = items.findIndex((existing) => compare(item, existing) < 0);
  return index === -1 ? [...items, item] : [...items.slice(0, index), item, ...items.slice(index)];
}

/**
 * Upserts into a sorted array. `isWanted` false removes the item (it left the filter, the call ended).
 * A stale version is ignored.
 */
export function upsertInList<T extends Versioned>(items: T[], item: T, compare: Compare<T>, isWanted = true): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index === -1) return isWanted ? insertSorted(items, item, compare) : items;
  if (!isSameOrNewer(item, items[index]!)) return items;
  if (!isWanted) return items.filter((existing) => existing.id !== item.id);
  return items.map((existing, i) => (i === index ? item : existing));
}

/**
 * Upserts into cursor pages sorted by `compare`. A new item goes into the page whose range covers it;
 * one that sorts after everything loaded while more pages exist is left for "Load more" to fetch.
 */
export function upsertInPages<T extends Versioned, P extends Page<T>>(
  data: Pages<P>,
  item: T,
  compare: Compare<T>,
  isWanted = true,
): Pages<P> {
  const pageIndex = data.pages.findIndex((page) => page.items.some((existing) => existing.id === item.id));
  if (pageIndex !== -1) {
    const page = data.pages[pageIndex]!;
    const items = upsertInList(page.items, item, compare, isWanted);
    if (items === page.items) return data;
    return { ...data, pages: data.pages.map((p, i) => (i === pageIndex ? { ...p, items } : p)) };
  }
  if (!isWanted) return data;
  const target = findPageFor(data.pages, item, compare);
  if (target === -1) return data;
  return {
    ...data,
    pages: data.pages.map((p, i) => (i === target ? { ...p, items: insertSorted(p.items, item, compare) } : p)),
  };
}

function findPageFor<T, P extends Page<T>>(pages: P[], item: T, compare: Compare<T>): number {
  for (let i = 0; i < pages.length; i += 1) {
    const last = pages[i]!.items.at(-1);
    if (last === undefined || compare(item, last) <= 0) return i;
  }
  const lastPage = pages.at(-1);
  if (!lastPage) return -1;
  return lastPage.nextCursor === null ? pages.length - 1 : -1;
}
