/** A call timeline entry (a code and its values from the API) as a phrase in the active language. */
import { formatDuration } from "@app/ui/duration";
import type { TFunction } from "i18next";
import { formatMoney } from "@app/ui/money";

export interface TimelineDetail {
  code: string;
  leg: "customer" | "agent" | "other";
  params: Record<string, string | number>;
}

export function describeTimelineEntry(t: TFunction, detail: TimelineDetail, language: "en" | "fr"): string {
  const { params } = detail;
  const text = (key: string) => String(params[key] ?? "");
  // Codes and values come from the server: an unknown one is reported missing and shown as it came.
  const values: Record<string, string | number> = {
    ...params,
    who: t(`calls.timeline.leg.${detail.leg}`),
  };
  switch (detail.code) {
    case "hungUp":
    case "hungUpSip":
      values.cause = t(`calls.hangupCause.${text("cause")}`, { defaultValue: text("cause") });
      values.source = t(`calls.hangupSourceInline.${text("source")}`, { defaultValue: text("source") });
      break;
    case "cost":
      values.cost = formatMoney(text("cost"), text("currency"), language) || text("cost");
      values.duration = formatDuration(Number(params.billedSecs));
      break;
    case "recordingSavedFor":
      values.duration = formatDuration(Number(params.durationSecs));
      break;
    case "supervisorJoined":
    case "supervisorSwitched":
      values.role = t(`calls.timeline.supervisorRole.${text("role")}`, { defaultValue: text("role") });
      break;
    case "machineDetection":
      values.result = t(`calls.timeline.machineResult.${text("result")}`, { defaultValue: text("result") });
      break;
  }
  return t(`calls.timeline.${detail.code}`, { ...values, defaultValue: detail.code });
}
