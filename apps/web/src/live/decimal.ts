/** Exact sum of decimal strings ("0.0035" + "1.2" = "1.2035") through BigInt: money never goes through a float. */
function parse(value: string): { units: bigint; scale: number } | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const [, sign = "", whole = "0", fraction = ""] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

export function addDecimalStrings(a: string, b: string): string {
  const left = parse(a);
  const right = parse(b);
  if (!left) return b;
  if (!right) return a;
  const scale = Math.max(left.scale, right.scale);
  const sum = left.units * 10n ** BigInt(scale - left.scale) + right.units * 10n ** BigInt(scale - right.scale);
  const isNegative = sum < 0n;
  const digits = (isNegative ? -sum : sum).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${isNegative ? "-" : ""}${whole}${scale > 0 ? `.${fraction}` : ""}`;
}
