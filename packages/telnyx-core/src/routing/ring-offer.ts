/**
 * Who rings next for a waiting caller (pure: the ring ticker, a decline and call.enqueued all go through it).
 * ALL rings every available member; ROUND_ROBIN one member at a time, in turn from the queue's cursor (kept across
 * calls); LONGEST_IDLE the available member whose last call ended longest ago. A member who declined is never
 * offered this call again; one who let it ring out is offered again in the next round.
 */
import type { TRingStrategy } from "./routing-schemas";

export interface OfferMember {
  userId: string;
  isAvailable: boolean;
  /** When their last call ended (null: never). */
  idleSince: Date | null;
}

export interface OfferInput {
  strategy: TRingStrategy;
  /** In the queue's order. */
  members: OfferMember[];
  lastOfferedUserId: string | null;
  tried: string[];
  declined: string[];
}

export interface Offer {
  ringUserIds: string[];
  tried: string[];
  lastOfferedUserId: string | null;
}

/** Members in turn after `last` (the queue's cursor), wrapping around. */
function inTurnAfter(members: OfferMember[], last: string | null): OfferMember[] {
  const index = members.findIndex((m) => m.userId === last);
  return index < 0 ? members : [...members.slice(index + 1), ...members.slice(0, index + 1)];
}

const idleKey = (member: OfferMember) => member.idleSince?.getTime() ?? Number.NEGATIVE_INFINITY;

export function nextOffer(input: OfferInput): Offer {
  const candidates = input.members.filter((m) => m.isAvailable && !input.declined.includes(m.userId));
  if (input.strategy === "ALL")
    return {
      ringUserIds: candidates.map((m) => m.userId),
      tried: input.tried,
      lastOfferedUserId: input.lastOfferedUserId,
    };
  if (candidates.length === 0)
    return { ringUserIds: [], tried: input.tried, lastOfferedUserId: input.lastOfferedUserId };
  const untried = candidates.filter((m) => !input.tried.includes(m.userId));
  // Everyone available was offered this round: a new round starts.
  const isNewRound = untried.length === 0;
  const pool = isNewRound ? candidates : untried;
  const picked =
    input.strategy === "ROUND_ROBIN"
      ? inTurnAfter(input.members, input.lastOfferedUserId).find((m) => pool.includes(m))
      : [...pool].sort((a, b) => idleKey(a) - idleKey(b))[0];
  if (!picked) return { ringUserIds: [], tried: input.tried, lastOfferedUserId: input.lastOfferedUserId };
  return {
    ringUserIds: [picked.userId],
    tried: [...(isNewRound ? [] : input.tried), picked.userId],
    lastOfferedUserId: picked.userId,
  };
}
