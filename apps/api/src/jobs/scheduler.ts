/**
 * The API's job scheduler. Every instance runs the timers (croner: cron expressions in UTC,
 * zero dependencies, no overlapping ticks within a process via `protect`); which instance actually
 * runs a tick is decided in the database by claimJobRun, so a job runs exactly once per slot
 * across instances. Each run is recorded in JobRun (status, counts or error) and logged.
 */
import { hostname } from "node:os";
import { Cron } from "croner";
import type { Db } from "@app/db/open-db";
import { claimJobRun, finishJobRun } from "./claim-job-run";

export interface JobDefinition {
  name: string;
  /** Cron expression, evaluated in UTC; null = runs only when triggered (e.g. once at start). */
  schedule: string | null;
  /** The period a tick belongs to: one run per slot across all instances. */
  slotOf(at: Date): string;
  run(at: Date): Promise<Record<string, unknown>>;
}

export type TickOutcome =
  | { ran: false }
  | { ran: true; runId: string; ok: true; details: Record<string, unknown> }
  | { ran: true; runId: string; ok: false; error: string };

export interface Scheduler {
  start(): void;
  /** Stops the timers and waits for ticks in progress. */
  stop(): Promise<void>;
  /** One tick of a job now (or as if at `at`), under the same election as the timers. */
  trigger(name: string, at?: Date): Promise<TickOutcome>;
}

interface Log {
  info(object: unknown, message: string): void;
  error(object: unknown, message: string): void;
}

/** Slots by period, in UTC: "2026-11-24T10" (hour), "2026-11-24" (day), "2026-11-24T10:07" (minute). */
export const hourSlot = (at: Date) => at.toISOString().slice(0, 13);
export const daySlot = (at: Date) => at.toISOString().slice(0, 10);
export const minuteSlot = (at: Date) => at.toISOString().slice(0, 16);

export function createScheduler(options: { db: Db; jobs: JobDefinition[]; log: Log; instance?: string }): Scheduler {
  const { db, jobs, log } = options;
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  const timers: Cron[] = [];
  const inFlight = new Set<Promise<TickOutcome>>();

  async function tick(job: JobDefinition, at: Date): Promise<TickOutcome> {
    // A timer may fire a few milliseconds early: the slot is that of the nearest second.
    const slot = job.slotOf(new Date(Math.round(at.getTime() / 1000) * 1000));
    const claim = await claimJobRun(db, { job: job.name, slot, instance });
    if (!claim) return { ran: false };
    const startedAt = Date.now();
    try {
      const details = await job.run(at);
      await finishJobRun(db, claim.id, { ok: true, details });
      log.info({ job: job.name, slot, durationMs: Date.now() - startedAt, ...details }, "job finished");
      return { ran: true, runId: claim.id, ok: true, details };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await finishJobRun(db, claim.id, { ok: false, error: message }).catch(() => undefined);
      log.error({ job: job.name, slot, err: error }, "job failed");
      return { ran: true, runId: claim.id, ok: false, error: message };
    }
  }

  function track(promise: Promise<TickOutcome>): Promise<TickOutcome> {
    inFlight.add(promise);
    // Both branches handled here: `finally` would hand a rejection on to a promise nobody awaits.
    const forget = () => void inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  return {
    start() {
      for (const job of jobs) {
        if (job.schedule === null) continue;
        const timer = new Cron(
          job.schedule,
          { name: `${instance}:${job.name}`, timezone: "UTC", protect: true },
          async () => {
            await track(tick(job, new Date())).catch((error: unknown) =>
              log.error({ job: job.name, err: error }, "job tick failed"),
            );
          },
        );
        timers.push(timer);
      }
    },
    async stop() {
      for (const timer of timers.splice(0)) timer.stop();
      await Promise.allSettled([...inFlight]);
    },
    trigger(name, at = new Date()) {
      const job = jobs.find((candidate) => candidate.name === name);
      if (!job) return Promise.reject(new Error(`No job named ${name}`));
      return track(tick(job, at));
    },
  };
}
