import type { Scheduler } from "./scheduler.js";

/**
 * A per-object simulated clock: wall time plus the simulated delays that were skipped by timeScale, so a call that
 * "talks 30 s" reports a 30 s duration even when the sandbox runs at timeScale 0.
 */
export class VirtualClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  iso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  /** Schedules `task` after a simulated delay and advances this clock by the part the scheduler skipped. */
  after(scheduler: Scheduler, delayMs: number, task: () => void): () => void {
    const started = Date.now();
    return scheduler.schedule(delayMs, () => {
      this.offsetMs += Math.max(0, delayMs - (Date.now() - started));
      task();
    });
  }
}
