/**
 * Decimal arithmetic for call costs on strings, through BigInt micro-units (the database keeps
 * 6 decimals): never a float for money.
 */
const SCALE = 6;
const UNIT = 10n ** BigInt(SCALE);

/** "0.0123" → 12300n (micro-units); extra decimals are rounded half-up. */
export function toMicros(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole, fraction = ""] = match;
  const kept = fraction.slice(0, SCALE).padEnd(SCALE, "0");
  const roundUp = (fraction[SCALE] ?? "0") >= "5" ? 1n : 0n;
  const micros = BigInt(whole!) * UNIT + BigInt(kept) + roundUp;
  return sign === "-" ? -micros : micros;
}

/** 12300n → "0.012300". */
export function fromMicros(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / UNIT;
  const fraction = String(abs % UNIT).padStart(SCALE, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

export function sumDecimals(amounts: string[]): string {
  return fromMicros(amounts.reduce((sum, amount) => sum + toMicros(amount), 0n));
}

/** Whole minutes started (a 61 s call bills 2 minutes). */
export function billedMinutesOf(durationSecs: number): number {
  return Math.ceil(Math.max(0, durationSecs) / 60);
}

/** Per-minute rate × minutes, as a decimal string. */
export function perMinuteCost(ratePerMinute: string, minutes: number): string {
  return fromMicros(toMicros(ratePerMinute) * BigInt(minutes));
}
