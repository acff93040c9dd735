/**
 * Where a new inbound call goes (issue 15), decided at call.initiated from the number's route: null keeps the
 * legacy ringing (the lead's owner, else every available agent); a queue holds the caller (answer, hold message,
 * enqueue) when the organization is open and a member is available, else voicemail at once; an agent rings that
 * agent when available, else voicemail; voicemail goes straight to the greeting and the beep.
 */
import { businessHoursOf, isOpenAt } from "./business-hours";

export type InboundPlan =
  | { kind: "legacy" }
  | { kind: "agent"; userId: string }
  | { kind: "queue"; queueId: string; maxWaitSecs: number; holdMessage: string | null }
  | { kind: "voicemail"; queueId: string | null }
  | { kind: "ivr"; menuId: string };

/** The route facts read with the number (call-inbound.ts). */
export interface RouteFacts {
  routeKind: string | null;
  routeQueueId: string | null;
  routeUserId: string | null;
  routeMenuId: string | null;
  isRouteUserAvailable: boolean;
  queueAvailableMembers: number;
  queueMaxWaitSecs: number | null;
  queueHoldMessage: string | null;
  businessHours: unknown;
  timeZone: string;
}

export function planInboundRoute(facts: RouteFacts, at: Date): InboundPlan {
  if (facts.routeKind === null) return { kind: "legacy" };
  // The menu is said at any hour: the hours apply to where a key leads (a queue or an agent).
  if (facts.routeKind === "ivr" && facts.routeMenuId) return { kind: "ivr", menuId: facts.routeMenuId };
  const isOpen = isOpenAt(businessHoursOf(facts.businessHours, facts.timeZone), at);
  if (facts.routeKind === "queue" && facts.routeQueueId) {
    if (!isOpen || facts.queueAvailableMembers === 0) return { kind: "voicemail", queueId: facts.routeQueueId };
    return {
      kind: "queue",
      queueId: facts.routeQueueId,
      maxWaitSecs: facts.queueMaxWaitSecs ?? 60,
      holdMessage: facts.queueHoldMessage,
    };
  }
  if (facts.routeKind === "agent" && facts.routeUserId && isOpen && facts.isRouteUserAvailable)
    return { kind: "agent", userId: facts.routeUserId };
  return { kind: "voicemail", queueId: null };
}
