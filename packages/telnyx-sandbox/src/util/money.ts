/** Money as integer micro-dollars: never floats on the wire. */
export function parseMicros(amount: string): number {
  const [whole = "0", frac = ""] = amount.split(".");
  const sign = whole.startsWith("-") ? -1 : 1;
  const micros = Math.abs(Number.parseInt(whole, 10)) * 1_000_000 + Number.parseInt((frac + "000000").slice(0, 6), 10);
  return sign * micros;
}

export function formatMicros(micros: number, decimals: number): string {
  const unit = 10 ** (6 - decimals);
  const rounded = Math.round(micros / unit);
  const sign = rounded < 0 ? "-" : "";
  const abs = Math.abs(rounded);
  const scale = 10 ** decimals;
  const whole = Math.floor(abs / scale);
  const frac = String(abs % scale).padStart(decimals, "0");
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${frac}`;
}

/** Cost of `secs` seconds at a per-minute rate, in micro-dollars. */
export function perMinuteCost(ratePerMinute: string, secs: number): number {
  return Math.round((parseMicros(ratePerMinute) * secs) / 60);
}
