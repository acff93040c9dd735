import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

type Outcome = NonNullable<TCallDto["inboundOutcome"]>;

// An answered call says so already through its status; the tag is for what the team still owes the caller.
const COLOR: Record<Outcome, string | null> = {
  ANSWERED: null,
  VOICEMAIL: "purple",
  MISSED: "red",
  ABANDONED: "orange",
};

/** Voicemail / missed / abandoned beside an inbound call's status. */
export function InboundOutcomeTag({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation();
  if (!outcome || !COLOR[outcome]) return null;
  return (
    <Tag color={COLOR[outcome]} data-testid="call-outcome" data-outcome={outcome}>
      {t(`calls.outcome.${outcome}`)}
    </Tag>
  );
}
