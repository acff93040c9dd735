import { useEffect, useState } from "react";
import { formatDuration } from "@app/ui/duration";
import { formatMoney } from "@app/ui/money";
import { StatCard } from "@app/ui/stat-card";
import { Col, Grid, Row, theme } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import type { RouterOutputs } from "../../lib/trpc";
import { formatCount, formatPercent } from "../dashboard/format-figures";
import { getLongestWaitSecs, getSlaLevel } from "./wallboard-merge";

export type Snapshot = RouterOutputs["wallboard"]["snapshot"];

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** Today's figures in TV-sized tiles. */
export function WallboardCounters({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { token } = theme.useToken();
  const now = useNow();
  // TV-sized tiles on a TV or a laptop; a phone gets the dashboard's size, two to a row.
  const isPhone = Grid.useBreakpoint().md === false;
  const { today, sla } = snapshot;
  const missed = today.missed;
  const longestWait = getLongestWaitSecs(snapshot.activeCalls, now) ?? snapshot.longestWaitSecs;
  const slaColor = {
    good: token.colorSuccess,
    warning: token.colorWarning,
    breached: token.colorError,
    none: undefined,
  }[getSlaLevel(sla.rate)];
  const tiles = [
    { name: "calls", title: t("wallboard.counters.calls"), value: formatCount(today.calls, language) },
    { name: "answered", title: t("wallboard.counters.answered"), value: formatCount(today.answered, language) },
    {
      name: "missed",
      title: t("wallboard.counters.missed"),
      value: formatCount(missed, language),
      accent: missed > 0 ? token.colorError : undefined,
    },
    {
      name: "sla",
      title: t("wallboard.counters.sla"),
      value: formatPercent(sla.rate, language),
      accent: slaColor,
      footer: t("wallboard.counters.slaDetail", {
        within: sla.answeredWithin,
        count: sla.inboundAnswered,
        seconds: sla.thresholdSecs,
      }),
    },
    {
      name: "longest-wait",
      title: t("wallboard.counters.longestWait"),
      value: longestWait === null ? "—" : formatDuration(longestWait),
      accent: longestWait !== null && longestWait > sla.thresholdSecs ? token.colorError : undefined,
      footer: longestWait === null ? t("wallboard.counters.noWait") : null,
    },
    { name: "sms", title: t("wallboard.counters.sms"), value: formatCount(today.sms, language) },
    {
      name: "delivery",
      title: t("wallboard.counters.deliveryRate"),
      value: formatPercent(today.deliveryRate, language),
      footer: t("wallboard.counters.deliveryDetail", { delivered: today.smsDelivered, count: today.sms }),
    },
    { name: "cost", title: t("wallboard.counters.cost"), value: formatMoney(today.cost, snapshot.currency, language) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {tiles.map((tile) => (
        <Col key={tile.name} xs={12} lg={6}>
          <StatCard
            size={isPhone ? "default" : "wall"}
            data-testid={`wallboard-counter-${tile.name}`}
            title={tile.title}
            value={tile.value}
            accent={tile.accent}
            footer={tile.footer}
          />
        </Col>
      ))}
    </Row>
  );
}
