import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { CallStatusTag } from "@app/ui/call-status-tag";
import { CallTimer } from "@app/ui/call-timer";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { Card, Empty, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useWallFont } from "./use-wall-font";
import { SuperviseButtons } from "./supervise-buttons";
import { getCallTimerStart } from "./wallboard-merge";

interface ActiveCallsPanelProps {
  calls: TCallDto[];
  /** Supervisors signed in (not a kiosk) can listen, whisper or barge. */
  canSupervise: boolean;
}

function counterpartOf(call: TCallDto): string {
  return call.direction === "INBOUND" ? call.fromNumber : call.toNumber;
}

export function ActiveCallsPanel({ calls, canSupervise }: ActiveCallsPanelProps) {
  const { t } = useTranslation();
  const font = useWallFont();
  return (
    <Card
      title={
        <span style={{ fontSize: font(28) }}>
          {t("wallboard.activeCalls")} · {calls.length}
        </span>
      }
      style={{ height: "100%" }}
    >
      {calls.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<span style={{ fontSize: font(22) }}>{t("wallboard.noActiveCalls")}</span>}
        />
      ) : (
        <Flex vertical gap={12}>
          {calls.map((call) => (
            <Card
              key={call.id}
              size="small"
              data-testid="wallboard-active-call"
              data-status={call.status}
              data-call-id={call.id}
            >
              <Flex justify="space-between" align="center" gap={16} wrap>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: font(26) }} ellipsis>
                    {call.direction === "INBOUND" ? (
                      <ArrowDownOutlined aria-label={t("wallboard.direction.INBOUND")} />
                    ) : (
                      <ArrowUpOutlined aria-label={t("wallboard.direction.OUTBOUND")} />
                    )}{" "}
                    {call.leadName ?? <PhoneNumberDisplay value={counterpartOf(call)} />}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: font(20) }} data-testid="wallboard-call-agent">
                    {call.agentName ?? t("wallboard.noAgent")}
                  </Typography.Text>
                </Flex>
                <Flex align="center" gap={16}>
                  <CallStatusTag
                    status={call.status}
                    label={t(`calls.status.${call.status}`)}
                    style={{ fontSize: font(18), padding: "4px 10px" }}
                  />
                  <CallTimer
                    since={getCallTimerStart(call)}
                    style={{ fontSize: font(40), fontWeight: 600 }}
                    data-testid="wallboard-call-timer"
                  />
                </Flex>
              </Flex>
              {canSupervise ? (
                <div style={{ marginTop: 8 }}>
                  <SuperviseButtons callId={call.id} />
                </div>
              ) : null}
            </Card>
          ))}
        </Flex>
      )}
    </Card>
  );
}
