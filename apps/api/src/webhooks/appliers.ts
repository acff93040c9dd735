import { applyCallEvent } from "@app/telnyx-core/calls/apply-call-event";
import { applyMessageEvent } from "@app/telnyx-core/messages/apply-message-event";
import { applyNumberOrderEvent } from "@app/telnyx-core/numbers/apply-number-order-event";
import type { EventApplier } from "@app/telnyx-core/webhooks/apply-types";
import type { KnownTelnyxEvent } from "@app/telnyx-core/webhooks/parse-event";

/** Which domain applies an event; undefined = stored and acknowledged only. */
export function applierFor(event: KnownTelnyxEvent): EventApplier | undefined {
  if (event.kind.startsWith("call.") || event.kind.startsWith("conference.")) return applyCallEvent;
  if (event.kind.startsWith("message.")) return applyMessageEvent;
  if (event.kind === "number_order.complete") return applyNumberOrderEvent;
  return undefined;
}
