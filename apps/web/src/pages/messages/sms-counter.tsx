import { countSmsSegments } from "@app/telnyx-core/messages/sms-segments";
import { SmsSegmentCounter } from "@app/ui/sms-segment-counter";
import { useTranslation } from "react-i18next";
import { getSegmentLabelValues } from "./sms-counter-label";

/** "1 SMS · 45/160 · GSM-7" for the text being typed, counted like the carriers do. */
export function SmsCounter({ text, testId = "sms-segments" }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  const info = countSmsSegments(text);
  return (
    <SmsSegmentCounter
      data-testid={testId}
      parts={info.parts}
      label={t("messages.segments", getSegmentLabelValues(info))}
    />
  );
}
