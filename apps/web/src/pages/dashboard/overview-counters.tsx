import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  DollarOutlined,
  MessageOutlined,
  NumberOutlined,
  PhoneOutlined,
} from "@ant-design/icons";
import { formatMoney } from "@app/ui/money";
import { StatCard } from "@app/ui/stat-card";
import { Col, Row, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import type { RouterOutputs } from "../../lib/trpc";
import { formatCount, formatMinutes, formatPercent } from "./format-figures";

export type Overview = RouterOutputs["stats"]["overview"];

interface OverviewCountersProps {
  overview: Overview | undefined;
  isLoading: boolean;
}

/** The six headline counters; no chart code here, so the dashboard route stays light. */
export function OverviewCounters({ overview, isLoading }: OverviewCountersProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const money = (amount: string | undefined) =>
    overview && amount !== undefined ? formatMoney(amount, overview.currency, language) : "";
  const cost = overview?.costThisMonth;
  const cards = [
    {
      key: "calls",
      icon: <PhoneOutlined />,
      title: t("dashboard.callsToday"),
      value: formatCount(overview?.callsToday, language),
    },
    {
      key: "sms",
      icon: <MessageOutlined />,
      title: t("dashboard.smsSentToday"),
      value: formatCount(overview?.smsSentToday, language),
    },
    {
      key: "numbers",
      icon: <NumberOutlined />,
      title: t("dashboard.activeNumbers"),
      value: formatCount(overview?.activeNumbers, language),
    },
    {
      key: "cost",
      icon: <DollarOutlined />,
      title: t("dashboard.costThisMonth"),
      value: money(cost?.total),
      footer: cost
        ? t("dashboard.costSplit", { calls: money(cost.calls), sms: money(cost.sms), numbers: money(cost.numbers) })
        : null,
    },
    {
      key: "success",
      icon: <CheckCircleOutlined />,
      title: <Tooltip title={t("dashboard.successRateHint")}>{t("dashboard.successRate")}</Tooltip>,
      value: formatPercent(overview?.callSuccessRate, language),
    },
    {
      key: "minutes",
      icon: <ClockCircleOutlined />,
      title: t("dashboard.minutesToday"),
      value: formatMinutes(overview?.minutesToday, language),
      footer: overview
        ? t("dashboard.minutesThisMonth", { minutes: formatMinutes(overview.minutesThisMonth, language) })
        : null,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} xl={8}>
          <StatCard
            data-testid={`dashboard-counter-${card.key}`}
            icon={card.icon}
            title={card.title}
            value={card.value}
            footer={card.footer}
            isLoading={isLoading}
          />
        </Col>
      ))}
    </Row>
  );
}
