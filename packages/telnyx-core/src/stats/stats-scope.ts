import type { Actor } from "../domain/actor";

/** Whose figures: agents only ever their own; supervisors and admins the organization's or one agent's. */
export function statsUserIdOf(actor: Actor, requested: string | undefined): string | null {
  if (actor.role === "AGENT") return actor.userId;
  return requested ?? null;
}
