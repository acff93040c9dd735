import type { Emit } from "../webhooks/apply-types";
import type { Publisher } from "./events";

/** Pushes domain emits live, after their transaction committed (what the webhook processor does for appliers). */
export function publishEmits(publisher: Publisher, emits: Emit[]): void {
  for (const emit of emits) {
    if (emit.scope === "org") publisher.toOrganization(emit.id, emit.event, emit.payload as never);
    else publisher.toUser(emit.id, emit.event, emit.payload as never);
  }
}
