/**
 * Telnyx commands of an IVR menu, run after the commit: answer the caller, then say the menu's greeting and collect
 * one key (gather_using_speak). The client_state names the menu and how many times it was said without a valid
 * key, so the call.gather.ended that answers it says where the caller is (ivr-route.ts).
 */
import { encodeCallClientState } from "../calls/call-client-state";
import type { ApplyServices } from "../webhooks/apply-types";
import type { RoutedCall } from "./routing-flows";

type Task = () => Promise<void>;
type FlowServices = Pick<ApplyServices, "gatewayFor">;

/** How long the caller has to press a key once the greeting was said. */
export const IVR_TIMEOUT_MILLIS = 8000;

export interface SaidMenu {
  id: string;
  greeting: string;
  digits: string[];
}

const stateOf = (call: RoutedCall, menuId: string, retry: number) =>
  encodeCallClientState({ callId: call.id, leg: "customer", routing: "ivr", menuId, retry }, call.clientStateSecret);

/** Say the menu and wait for one of its keys. `retry`: how many times it was said before without a valid key. */
export function gatherMenu(services: FlowServices, call: RoutedCall, menu: SaidMenu, retry = 0): Task {
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    await gateway.gatherUsingSpeak(call.callControlId, {
      text: menu.greeting,
      voice: "female",
      language: "en-US",
      validDigits: menu.digits.join(""),
      minimumDigits: 1,
      maximumDigits: 1,
      maximumTries: 1,
      timeoutMillis: IVR_TIMEOUT_MILLIS,
      clientState: stateOf(call, menu.id, retry),
    });
  };
}

/** A number routed to a menu: answer the caller, then the menu. */
export function answerToMenu(services: FlowServices, call: RoutedCall, menu: SaidMenu): Task {
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    await gateway.answer(call.callControlId, { clientState: stateOf(call, menu.id, 0) });
    await gatherMenu(services, call, menu)();
  };
}
