import type { RouterOutputs } from "../../lib/trpc";

export type ConnectionList = RouterOutputs["connections"]["list"];
export type Connection = ConnectionList["items"][number];
export type ConnectionKind = Connection["kind"];
export type CheckStatus = Connection["check"]["status"];
export type SyncRun = RouterOutputs["sync"]["runs"]["items"][number];
export type SyncStatus = SyncRun["status"];

/** The page section (and string group) a kind is shown in. */
export function sectionOf(kind: ConnectionKind): "applications" | "profiles" | "credentials" {
  switch (kind) {
    case "CALL_CONTROL_APPLICATION":
      return "applications";
    case "MESSAGING_PROFILE":
      return "profiles";
    case "CREDENTIAL_CONNECTION":
      return "credentials";
  }
}

export function getCheckColor(status: CheckStatus): string {
  switch (status) {
    case "ok":
      return "success";
    case "mismatch":
      return "warning";
    case "unknown":
      return "default";
  }
}

export function getSyncStatusColor(status: SyncStatus): string {
  switch (status) {
    case "RUNNING":
      return "processing";
    case "SUCCEEDED":
      return "success";
    case "FAILED":
      return "error";
  }
}

/** Whole seconds a run took (or has been running, measured against `now`). */
export function getRunSeconds(run: Pick<SyncRun, "startedAt" | "finishedAt">, now: Date = new Date()): number {
  const end = run.finishedAt ?? now;
  return Math.max(0, Math.round((new Date(end).getTime() - new Date(run.startedAt).getTime()) / 1000));
}

/** Non-zero counts first, in a stable order, for compact display. */
export function listCounts(counts: Record<string, number>): { key: string; value: number }[] {
  return Object.entries(counts)
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => Number(b.value > 0) - Number(a.value > 0) || a.key.localeCompare(b.key));
}

/** The sync:progress status strings the server sends once a run is over. */
export function isFinishedSyncStatus(status: string): boolean {
  return status === "SUCCEEDED" || status === "FAILED";
}

/** Percentage shown by the progress bar (0..100, whole numbers). */
export function toPercent(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}
