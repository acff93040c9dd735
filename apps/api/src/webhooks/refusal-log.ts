/**
 * Refused webhooks (bad signature, unknown endpoint) are counted, not logged one line each: an
 * attacker's flood — or a misconfigured account retrying — would otherwise fill the logs. At most one
 * line per interval carries the counts by reason; the running total is exposed in /metrics.
 */
export interface RefusalLog {
  refused(reason: string): void;
  /** Every refusal since start, by reason (for /metrics). */
  totals(): ReadonlyMap<string, number>;
  /** Logs what is still uncounted (shutdown), then stops. */
  stop(): void;
}

export function createRefusalLog(log: { warn(obj: unknown, message: string): void }, intervalMs = 60_000): RefusalLog {
  const totals = new Map<string, number>();
  let pending = new Map<string, number>();
  let lastLoggedAt = 0;

  function flush(): void {
    if (pending.size === 0) return;
    log.warn({ refused: Object.fromEntries(pending) }, "webhook refused (counts by reason since the last line)");
    pending = new Map();
    lastLoggedAt = Date.now();
  }

  const timer = setInterval(flush, intervalMs);
  timer.unref();
  return {
    refused(reason) {
      totals.set(reason, (totals.get(reason) ?? 0) + 1);
      pending.set(reason, (pending.get(reason) ?? 0) + 1);
      // The first refusal after a quiet interval is logged at once (an operator testing sees it).
      if (Date.now() - lastLoggedAt >= intervalMs) flush();
    },
    totals: () => totals,
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
