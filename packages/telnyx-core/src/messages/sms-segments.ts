/**
 * Counts SMS parts the way carriers do (3GPP TS 23.038 / 23.040):
 * - GSM-7: 160 septets in one part, 153 per part once concatenated (the UDH takes 7);
 *   characters of the extension table (€ [ ] { } \ ^ ~ | and form feed) take 2 septets and an
 *   escape pair is never split across parts.
 * - UCS-2 as soon as one character is outside GSM-7: 70 UTF-16 code units, 67 per part;
 *   a surrogate pair (emoji) is never split across parts.
 */

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSegmentInfo {
  encoding: SmsEncoding;
  /** Number of billed parts; 0 for an empty text. */
  parts: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) used by the whole text. */
  charactersUsed: number;
  /** Capacity of one part at the current size: 160/153 (GSM-7) or 70/67 (UCS-2). */
  charactersPerPart: number;
  /** Septets / code units still free in the last part before another part is needed. */
  remainingInPart: number;
}

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";

const BASIC_SET = new Set(GSM7_BASIC);
const EXTENSION_SET = new Set(GSM7_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

/** Weight of each character (code point) in the encoding's units, or null if GSM-7 can't carry it. */
function gsm7Weights(text: string): number[] | null {
  const weights: number[] = [];
  for (const char of text) {
    if (BASIC_SET.has(char)) weights.push(1);
    else if (EXTENSION_SET.has(char)) weights.push(2);
    else return null;
  }
  return weights;
}

function ucs2Weights(text: string): number[] {
  // Iterating a string yields code points: a surrogate pair comes out as one 2-unit item.
  return Array.from(text, (char) => char.length);
}

/** Greedy packing: an item that does not fit in what is left of a part starts a new part. */
function packParts(weights: number[], perPart: number): { parts: number; usedInLast: number } {
  let parts = 1;
  let usedInLast = 0;
  for (const weight of weights) {
    if (usedInLast + weight > perPart) {
      parts += 1;
      usedInLast = 0;
    }
    usedInLast += weight;
  }
  return { parts, usedInLast };
}

export function isGsm7(text: string): boolean {
  return gsm7Weights(text) !== null;
}

export function countSmsSegments(text: string): SmsSegmentInfo {
  const gsm = gsm7Weights(text);
  const encoding: SmsEncoding = gsm ? "GSM-7" : "UCS-2";
  const weights = gsm ?? ucs2Weights(text);
  const limits = LIMITS[encoding];
  const charactersUsed = weights.reduce((sum, weight) => sum + weight, 0);

  if (charactersUsed <= limits.single) {
    return {
      encoding,
      parts: charactersUsed === 0 ? 0 : 1,
      charactersUsed,
      charactersPerPart: limits.single,
      remainingInPart: limits.single - charactersUsed,
    };
  }
  const { parts, usedInLast } = packParts(weights, limits.multi);
  return {
    encoding,
    parts,
    charactersUsed,
    charactersPerPart: limits.multi,
    remainingInPart: limits.multi - usedInLast,
  };
}
