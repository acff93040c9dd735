import type { SmsSegmentInfo } from "@app/telnyx-core/messages/sms-segments";

/** Numbers for the "1 SMS · 45/160 · GSM-7" line: capacity grows with the parts already used. */
export function getSegmentLabelValues(info: SmsSegmentInfo): {
  count: number;
  used: number;
  capacity: number;
  encoding: string;
} {
  const capacity = info.parts <= 1 ? info.charactersPerPart : info.parts * info.charactersPerPart;
  return { count: info.parts, used: info.charactersUsed, capacity, encoding: info.encoding };
}
