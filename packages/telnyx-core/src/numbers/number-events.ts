import type { Emit } from "../webhooks/apply-types";
import type { Publisher } from "../realtime/events";

interface NumberState {
  id: string;
  organizationId: string;
  phoneNumber: string;
  status: string;
  updatedAt: Date;
}

/** The live `number:updated` event for a number row (pushed to its organization's room). */
export function numberUpdatedEmit(row: NumberState): Extract<Emit, { event: "number:updated" }> {
  return {
    scope: "org",
    id: row.organizationId,
    event: "number:updated",
    payload: { id: row.id, phoneNumber: row.phoneNumber, status: row.status, updatedAt: row.updatedAt },
  };
}

export function publishNumberUpdated(publisher: Publisher, row: NumberState): void {
  const emit = numberUpdatedEmit(row);
  publisher.toOrganization(emit.id, emit.event, emit.payload);
}
