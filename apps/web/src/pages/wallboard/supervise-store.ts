/** Which live calls this tab's supervisor has joined, and in which role (shared by the wallboard and the calls drawer). */
import { useSyncExternalStore } from "react";

export type SuperviseRole = "monitor" | "whisper" | "barge";

let roles = new Map<string, SuperviseRole>();
const listeners = new Set<() => void>();

function emit(next: Map<string, SuperviseRole>): void {
  roles = next;
  for (const listener of listeners) listener();
}

export function setSuperviseRole(callId: string, role: SuperviseRole | null): void {
  const next = new Map(roles);
  if (role) next.set(callId, role);
  else next.delete(callId);
  emit(next);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSuperviseRole(callId: string): SuperviseRole | null {
  return useSyncExternalStore(subscribe, () => roles.get(callId) ?? null);
}
