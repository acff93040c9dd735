/**
 * Work a request starts and does not wait for (a manual sync): tracked so shutdown can let it
 * finish and tests can await it instead of sleeping. Failures are logged, never thrown at a caller.
 */
export interface BackgroundTasks {
  run(name: string, task: () => Promise<unknown>): void;
  /** Resolves when every task started so far has settled. */
  idle(): Promise<void>;
}

export function createBackgroundTasks(log?: { error(object: unknown, message: string): void }): BackgroundTasks {
  const running = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      const promise = Promise.resolve()
        .then(task)
        .catch((error: unknown) => log?.error({ err: error, task: name }, "background task failed"))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
