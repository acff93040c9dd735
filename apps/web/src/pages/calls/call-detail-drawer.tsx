import { isLiveCallStatus } from "@app/telnyx-core/calls/call-state";
import { CallStatusTag } from "@app/ui/call-status-tag";
import { CallTimer } from "@app/ui/call-timer";
import { formatDuration } from "@app/ui/duration";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Alert, Descriptions, Drawer, Empty, Skeleton, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { env } from "../../env";
import { useLanguage } from "../../i18n/use-language";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { getCallCounterpart } from "./call-format";
import { formatMoney } from "@app/ui/money";
import { describeTimelineEntry } from "./timeline-entry";
import { InboundOutcomeTag } from "./inbound-outcome-tag";
import { formatDecimal } from "../dashboard/format-figures";
import { useSession } from "../../auth/session-context";
import { SuperviseButtons } from "../wallboard/supervise-buttons";

const apiOrigin = env.trpcUrl.replace(/\/trpc$/, "");

interface CallDetailDrawerProps {
  callId: string | null;
  onClose: () => void;
}

export function CallDetailDrawer({ callId, onClose }: CallDetailDrawerProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const detail = trpc.calls.get.useQuery({ id: callId ?? "" }, { enabled: callId !== null });
  const call = detail.data;
  const { role } = useSession();
  const at = (date: Date | null) => (date ? dayjs(date).format("L LTS") : "—");

  return (
    <Drawer
      open={callId !== null}
      onClose={onClose}
      title={t("calls.detail.title")}
      size={520}
      destroyOnHidden
      data-testid="call-drawer"
    >
      {detail.error ? <Alert type="error" showIcon role="alert" title={translateError(t, detail.error)} /> : null}
      {!call ? (
        detail.isPending && callId ? (
          <Skeleton active />
        ) : null
      ) : (
        <div data-testid="call-detail" data-status={call.status}>
          {role !== "AGENT" && isLiveCallStatus(call.status) ? (
            <div style={{ marginBottom: 16 }}>
              <SuperviseButtons callId={call.id} />
            </div>
          ) : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t("calls.columns.status")}>
              <CallStatusTag status={call.status} label={t(`calls.status.${call.status}`)} />
              <InboundOutcomeTag outcome={call.inboundOutcome ?? null} />
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.lead")}>
              {call.leadId ? (
                <Link to={`/leads?search=${encodeURIComponent(getCallCounterpart(call))}`}>{call.leadName}</Link>
              ) : (
                "—"
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.agent")}>{call.agentName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.from")}>
              <PhoneNumberDisplay value={call.fromNumber} />
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.to")}>
              <PhoneNumberDisplay value={call.toNumber} />
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.startedAt")}>{at(call.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.answeredAt")}>{at(call.answeredAt)}</Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.endedAt")}>{at(call.endedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.duration")}>
              {isLiveCallStatus(call.status) ? (
                <CallTimer since={call.answeredAt} />
              ) : (
                <span data-testid="call-detail-duration">
                  {call.durationSecs === null ? "—" : formatDuration(call.durationSecs)}
                </span>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.billed")}>
              {call.billedSecs === null ? "—" : formatDuration(call.billedSecs)}
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.cost")}>
              <span data-testid="call-detail-cost">{formatMoney(call.cost, call.costCurrency, language) || "—"}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.hangupCause")}>
              {call.hangupCause ? t(`calls.hangupCause.${call.hangupCause}`, { defaultValue: call.hangupCause }) : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.hangupSource")}>
              {call.hangupSource
                ? t(`calls.hangupSource.${call.hangupSource}`, { defaultValue: call.hangupSource })
                : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.detail.mos")}>
              <span data-testid="call-detail-mos">{formatDecimal(call.mos, language) ?? "—"}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("calls.detail.recording")}
          </Typography.Title>
          {call.hasRecording && call.recordingUrl ? (
            // biome-ignore lint/a11y/useMediaCaption: a call recording has no caption track to offer.
            <audio
              data-testid="call-recording"
              controls
              preload="metadata"
              src={`${apiOrigin}${call.recordingUrl}`}
              style={{ width: "100%" }}
            />
          ) : (
            <Typography.Text type="secondary" data-testid="call-recording-state">
              {call.recordingUnavailable
                ? t("calls.detail.recordingUnavailable")
                : call.isRecording || (call.hasRecording && !call.recordingUrl)
                  ? t("calls.detail.recordingPending")
                  : t("calls.detail.noRecording")}
            </Typography.Text>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("calls.detail.timeline")}
          </Typography.Title>
          {call.timeline.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("calls.detail.noTimeline")} />
          ) : (
            <Timeline
              data-testid="call-timeline"
              items={call.timeline.map((event) => ({
                key: event.id,
                title: dayjs(event.occurredAt).format("LTS"),
                content: (
                  <span title={event.eventType} data-event-type={event.eventType}>
                    {describeTimelineEntry(t, event.detail, language)}
                  </span>
                ),
              }))}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
