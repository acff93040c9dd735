/**
 * The caller-id rule, one for calls and SMS (each passes the numbers it may use: voice ones for a
 * call, SMS ones for a message):
 * 1. an explicit choice wins: `fromNumberId` when given (the number is then ignored), else `fromNumber`;
 *    a choice outside the usable numbers picks nothing (the caller answers with its own error);
 * 2. otherwise a number in the destination's country (a local caller id is answered, and Telnyx
 *    refuses many cross-border SMS), the caller's own before a shared one;
 * 3. otherwise the caller's own number, else any usable one.
 * Ties go to the lowest number, so the answer does not depend on the order the list came in.
 */
import { countryOf } from "../phone/phone-numbers";

export interface FromNumberCandidate {
  id: string;
  phoneNumber: string;
  countryCode: string | null;
  assignedUserId: string | null;
}

export interface FromNumberRequest {
  userId: string;
  to: string;
  fromNumberId?: string | undefined;
  fromNumber?: string | undefined;
}

export function isExplicitFromNumber(request: Pick<FromNumberRequest, "fromNumberId" | "fromNumber">): boolean {
  return Boolean(request.fromNumberId || request.fromNumber);
}

export function pickFromNumber<N extends FromNumberCandidate>(
  usable: readonly N[],
  request: FromNumberRequest,
): N | null {
  if (request.fromNumberId) return usable.find((number) => number.id === request.fromNumberId) ?? null;
  if (request.fromNumber) return usable.find((number) => number.phoneNumber === request.fromNumber) ?? null;
  const country = countryOf(request.to);
  const score = (number: N) =>
    (country !== null && number.countryCode === country ? 2 : 0) + (number.assignedUserId === request.userId ? 1 : 0);
  let best: N | null = null;
  for (const number of usable) {
    if (!best) best = number;
    else {
      const difference = score(number) - score(best);
      if (difference > 0 || (difference === 0 && number.phoneNumber < best.phoneNumber)) best = number;
    }
  }
  return best;
}
