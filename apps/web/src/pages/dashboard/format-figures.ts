/** Display rules shared by the dashboard, analytics, reports and the wallboard (pure). */
const DASH = "—";

/** 0.9234 → "92%" (one decimal under 10%: "4.5%"); null (nothing to measure yet) → "—". */
export function formatPercent(rate: number | null | undefined, locale: string): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  const digits = rate > 0 && rate < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(rate);
}

export function formatCount(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Minutes may arrive fractional once live seconds are added: shown rounded down to whole minutes. */
export function formatMinutes(minutes: number | null | undefined, locale: string): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return DASH;
  return formatCount(Math.floor(minutes), locale);
}

/** MOS is a 1..5 score: one decimal. */
export function formatScore(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
}

/**
 * A decimal string from the API ("4.50", a MOS) with the digits it has and the locale's separator
 * ("4,50" in French); null when there is nothing to show.
 */
export function formatDecimal(value: string | null | undefined, locale: string): string | null {
  if (value === null || value === undefined || !/^-?\d+(\.\d+)?$/.test(value.trim())) return null;
  const digits = value.trim().split(".")[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value.trim() as Intl.StringNumericLiteral,
  );
}
