/** Runs simulated delays scaled by timeScale (0 = as fast as possible, preserving order). */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(public timeScale: number) {}

  schedule(delayMs: number, task: () => void): () => void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, this.scaled(delayMs));
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => this.schedule(delayMs, resolve));
  }

  scaled(delayMs: number): number {
    return Math.max(0, Math.round(delayMs * this.timeScale));
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
