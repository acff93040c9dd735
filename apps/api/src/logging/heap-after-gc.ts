/**
 * The V8 heap in use right after the last full (mark-compact) garbage collection: what the process
 * really keeps alive. RSS and heap-in-use swing by hundreds of MB with the collector's schedule, so
 * a leak is judged on this figure (exposed in /metrics; the soak test reads it).
 */
import { constants, PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";

export interface HeapAfterGc {
  /** Bytes in use after the last full GC; null until one has run. */
  bytes: number | null;
  /** Full GCs seen since this process started watching. */
  count: number;
}

const state: HeapAfterGc = { bytes: null, count: 0 };
let observer: PerformanceObserver | undefined;

function isFullGc(entry: PerformanceEntry): boolean {
  const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail;
  return detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}

/** Starts watching (once per process; later calls are no-ops) and returns the live reading. */
export function watchHeapAfterGc(): Readonly<HeapAfterGc> {
  if (!observer) {
    observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some(isFullGc)) return;
      // The callback runs just after the collection, before much new garbage: heap used ≈ live heap.
      state.bytes = getHeapStatistics().used_heap_size;
      state.count += 1;
    });
    observer.observe({ entryTypes: ["gc"] });
  }
  return state;
}
