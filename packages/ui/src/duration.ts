/** `m:ss` under an hour, `h:mm:ss` above; negative or missing values read as 0. */
export function formatDuration(totalSecs: number | null | undefined): string {
  const secs = Math.max(0, Math.floor(totalSecs ?? 0));
  const hours = Math.floor(secs / 3600);
  const minutes = Math.floor((secs % 3600) / 60);
  const seconds = String(secs % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** Whole seconds elapsed between `since` and `now` (0 when `since` is in the future). */
export function getElapsedSecs(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));
}
