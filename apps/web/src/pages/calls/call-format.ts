/** Display helpers for calls (pure; money stays a decimal string end to end). */
import { formatPhoneNumberInternational } from "@app/ui/phone-number";

/**
 * "0.014000" + USD → "0.014 USD" (en) / "0,014 USD" (fr): at least 2 and at most 4 decimals,
 * rounded half-up on the string, never through a float.
 */
export function formatMoney(
  amount: string | null | undefined,
  currency: string | null | undefined,
  language: "en" | "fr",
): string | null {
  if (amount === null || amount === undefined || !/^-?\d+(\.\d+)?$/.test(amount)) return null;
  const [whole = "0", fraction = ""] = amount.split(".");
  const rounded = roundFraction(whole, fraction, 4);
  const trimmed = rounded.fraction.replace(/0+$/, "").padEnd(2, "0");
  const separator = language === "fr" ? "," : ".";
  return `${rounded.whole}${separator}${trimmed}${currency ? ` ${currency}` : ""}`;
}

function roundFraction(whole: string, fraction: string, digits: number): { whole: string; fraction: string } {
  if (fraction.length <= digits) return { whole, fraction };
  const isNegative = whole.startsWith("-");
  const digitsOnly = `${whole.replace("-", "")}${fraction.slice(0, digits)}`;
  const roundUp = Number(fraction[digits]) >= 5;
  // BigInt keeps every digit exact while carrying the rounding.
  const scaled = (BigInt(digitsOnly) + (roundUp ? 1n : 0n)).toString().padStart(digits + 1, "0");
  const sign = isNegative ? "-" : "";
  return { whole: `${sign}${scaled.slice(0, -digits)}`, fraction: scaled.slice(-digits) };
}

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
