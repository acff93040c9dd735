/** SMS segmentation: GSM-7 (160 single / 153 per part, extension chars count twice) or UCS-2 (70 / 67). */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

export interface Segmentation {
  encoding: "GSM-7" | "UCS-2";
  parts: number;
  numChars: number;
}

export function segment(text: string): Segmentation {
  let septets = 0;
  let isGsm = true;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      isGsm = false;
      break;
    }
  }
  if (isGsm) return { encoding: "GSM-7", parts: septets <= 160 ? 1 : Math.ceil(septets / 153), numChars: septets };
  const units = text.length;
  return { encoding: "UCS-2", parts: units <= 70 ? 1 : Math.ceil(units / 67), numChars: units };
}
