/**
 * Messaging webhooks → TelnyxMessage rows. message.sent / message.finalized move an outbound
 * message through the order-tolerant state machine (message-state.ts); message.received stores an
 * inbound message on its thread and applies STOP/START keywords to the opt-out list.
 */
import type { EventApplier } from "../webhooks/apply-types";
import { applyOutboundStatus } from "./apply-outbound-status";
import { receiveMessage } from "./receive-message";

export const applyMessageEvent: EventApplier = async (tx, event, _services, scope) => {
  switch (event.kind) {
    case "message.sent":
    case "message.finalized":
      return applyOutboundStatus(tx, event, scope);
    case "message.received":
      return receiveMessage(tx, event, scope);
    default:
      return { organizationId: null, emits: [] };
  }
};
