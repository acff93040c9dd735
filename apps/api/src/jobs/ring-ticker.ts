/**
 * Advances queue ringing about every second (routing/advance-rings.ts): an agent who let a call ring out is
 * followed by the next member. The state lives in the database, so a restart or another instance carries on;
 * a tick that is still running when the next is due is not overlapped.
 */
import type { Db } from "@app/db/open-db";
import type { DomainLog } from "@app/telnyx-core/domain/domain-context";
import type { Publisher } from "@app/telnyx-core/realtime/events";
import { advanceDueRings } from "@app/telnyx-core/routing/advance-rings";

export interface RingTicker {
  stop(): Promise<void>;
}

export function startRingTicker(options: {
  db: Db;
  publisher: Publisher;
  log: DomainLog;
  tickMs?: number;
}): RingTicker {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = advanceDueRings(options)
      .catch((error: unknown) => options.log.warn({ err: error }, "ring tick failed"))
      .finally(() => {
        running = null;
      });
  };
  const interval = setInterval(tick, options.tickMs ?? 1_000);
  interval.unref();
  return {
    async stop() {
      clearInterval(interval);
      await running;
    },
  };
}
