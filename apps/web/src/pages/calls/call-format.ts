/** Display helpers for calls (pure). Money goes through @app/ui/money's formatMoney, the one money format. */
import { formatPhoneNumberInternational } from "@app/ui/phone-number";

/** Lead name when known, else the formatted number. */
export function formatCounterpart(name: string | null | undefined, phoneNumber: string): string {
  return name?.trim() ? name : formatPhoneNumberInternational(phoneNumber);
}

/** The far end of a call: the callee for outbound calls, the caller for inbound ones. */
export function getCallCounterpart(call: {
  direction: "INBOUND" | "OUTBOUND";
  fromNumber: string;
  toNumber: string;
}): string {
  return call.direction === "OUTBOUND" ? call.toNumber : call.fromNumber;
}
