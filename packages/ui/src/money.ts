/**
 * Money arrives as decimal strings ("1.000000", "0.0035"): it is formatted from the string itself
 * (Intl reads numeric strings exactly), never through a float.
 */
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const MAX_FRACTION_DIGITS = 6;

export function isDecimalString(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

/** Significant fraction digits of a decimal string ("0.003800" → 4), at least 2, at most 6. */
export function countFractionDigits(amount: string): number {
  const fraction = amount.split(".")[1]?.replace(/0+$/, "") ?? "";
  return Math.min(MAX_FRACTION_DIGITS, Math.max(2, fraction.length));
}

/**
 * The one money format of the app: "0.003800", "USD", "en" → "$0.0038"; "1234.5", "EUR", "fr" → "1 234,50 €".
 * Without a currency the amount alone is shown in the locale's digits; anything that is not a decimal
 * string is returned unchanged.
 */
export function formatMoney(
  amount: string | null | undefined,
  currency: string | null | undefined,
  locale: string,
): string {
  if (amount === null || amount === undefined) return "";
  const trimmed = amount.trim();
  if (!isDecimalString(trimmed)) return amount;
  const digits = countFractionDigits(trimmed);
  try {
    const format = new Intl.NumberFormat(locale, {
      ...(currency ? { style: "currency", currency } : {}),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return format.format(trimmed as Intl.StringNumericLiteral);
  } catch {
    // Unknown currency code: still show the amount, with the code after it.
    return `${trimmed} ${currency}`;
  }
}

/**
 * What a person typed ("0,05", " 12 ") → canonical decimal string ("0.05", "12"), or null when it
 * is not a non-negative amount with at most 6 decimals.
 */
export function parseMoneyInput(input: string): string | null {
  const normalized = input.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(normalized)) return null;
  const [whole = "0", fraction] = normalized.split(".");
  const cleanWhole = whole.replace(/^0+(?=\d)/, "");
  return fraction ? `${cleanWhole}.${fraction}` : cleanWhole;
}
