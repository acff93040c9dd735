import { useEffect, useRef, useState } from "react";
import type { TQueue } from "@app/telnyx-core/routing/routing-schemas";
import { formatDuration } from "@app/ui/duration";
import { Card, Col, Flex, Row, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import { formatPercent } from "../dashboard/format-figures";
import { getLiveLongestWait } from "./queue-tiles";
import { useWallFont } from "./use-wall-font";
import { getSlaLevel } from "./wallboard-merge";

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** One tile per queue: callers waiting, the longest wait (ticking), today's SLA; queue:updated keeps them live. */
export function QueuesPanel({ queues, slaThresholdSecs }: { queues: TQueue[]; slaThresholdSecs: number }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { token } = theme.useToken();
  const font = useWallFont();
  const now = useNow();
  // When each version of a queue arrived: a new object (snapshot or queue:updated) restarts its clock.
  const receivedAt = useRef(new WeakMap<TQueue, number>());
  if (queues.length === 0) return null;
  const colors = { good: token.colorSuccess, warning: token.colorWarning, breached: token.colorError, none: undefined };
  return (
    <Card
      title={<span style={{ fontSize: font(28) }}>{t("wallboard.queues.title")}</span>}
      data-testid="wallboard-queues"
    >
      <Row gutter={[16, 16]}>
        {queues.map((queue) => {
          if (!receivedAt.current.has(queue)) receivedAt.current.set(queue, Date.now());
          const wait = getLiveLongestWait(queue, receivedAt.current.get(queue)!, now);
          const sla = queue.slaPercent === null ? null : queue.slaPercent / 100;
          return (
            <Col key={queue.id} xs={24} sm={12} xl={8}>
              <Flex
                vertical
                gap={4}
                data-testid="wallboard-queue"
                data-queue-id={queue.id}
                data-waiting={queue.waiting}
                style={{
                  padding: token.paddingMD,
                  border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
                  borderRadius: token.borderRadiusLG,
                }}
              >
                <Typography.Text strong style={{ fontSize: font(24) }} ellipsis>
                  {queue.name}
                </Typography.Text>
                <span
                  data-testid="wallboard-queue-waiting"
                  style={{
                    fontSize: font(40),
                    fontWeight: 600,
                    lineHeight: 1.1,
                    color: queue.waiting > 0 ? token.colorWarning : undefined,
                  }}
                >
                  {t("wallboard.queues.waiting", { count: queue.waiting })}
                </span>
                <Flex justify="space-between" gap={12} wrap style={{ fontSize: font(18) }}>
                  <span>
                    <Typography.Text type="secondary">{t("wallboard.queues.longestWait")} </Typography.Text>
                    <span
                      data-testid="wallboard-queue-longest"
                      style={{
                        fontVariantNumeric: "tabular-nums",
                        color: wait !== null && wait > slaThresholdSecs ? token.colorError : undefined,
                      }}
                    >
                      {wait === null ? t("wallboard.queues.noWait") : formatDuration(wait)}
                    </span>
                  </span>
                  <span title={t("wallboard.queues.sla")}>
                    <Typography.Text type="secondary">{t("wallboard.queues.slaShort")} </Typography.Text>
                    <span data-testid="wallboard-queue-sla" style={{ color: colors[getSlaLevel(sla)] }}>
                      {formatPercent(sla, language)}
                    </span>
                  </span>
                </Flex>
              </Flex>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
