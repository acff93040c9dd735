import { formatMoney } from "@app/ui/money";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Card, Col, Row, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import type { RouterOutputs } from "../../lib/trpc";
import { formatCount, formatMinutes } from "../dashboard/format-figures";
import type { AnalyticsFilters } from "./analytics-query";
import { CsvButton } from "./csv-button";

type Analytics = RouterOutputs["stats"]["analytics"];
type AgentRow = Analytics["perAgent"][number];
type NumberRow = Analytics["perNumber"][number];
type CostRow = Analytics["cost"][number];

interface AnalyticsTablesProps {
  analytics: Analytics | undefined;
  isLoading: boolean;
  filters: AnalyticsFilters;
  currency: string;
  isAgent: boolean;
}

export function AnalyticsTables({ analytics, isLoading, filters, currency, isAgent }: AnalyticsTablesProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const count = (value: number) => formatCount(value, language);
  const money = (value: string) => formatMoney(value, currency, language);
  const figures = [
    { key: "calls", title: t("analytics.columns.calls"), dataIndex: "calls", align: "right" as const, render: count },
    {
      key: "answered",
      title: t("analytics.columns.answered"),
      dataIndex: "answered",
      align: "right" as const,
      render: count,
    },
    {
      key: "minutes",
      title: t("analytics.columns.minutes"),
      dataIndex: "minutes",
      align: "right" as const,
      render: (value: number) => formatMinutes(value, language),
    },
    { key: "sms", title: t("analytics.columns.sms"), dataIndex: "sms", align: "right" as const, render: count },
    { key: "cost", title: t("analytics.columns.cost"), dataIndex: "cost", align: "right" as const, render: money },
  ];
  const agentColumns: TableColumnsType<AgentRow> = [
    { key: "name", title: t("analytics.columns.agent"), dataIndex: "name" },
    ...figures,
  ];
  const numberColumns: TableColumnsType<NumberRow> = [
    {
      key: "number",
      title: t("analytics.columns.number"),
      dataIndex: "phoneNumber",
      render: (value: string) => <PhoneNumberDisplay value={value} />,
    },
    ...figures,
  ];
  const costColumns: TableColumnsType<CostRow> = [
    { key: "period", title: t("analytics.columns.period"), dataIndex: "period" },
    { key: "calls", title: t("analytics.columns.callsCost"), dataIndex: "calls", align: "right", render: money },
    { key: "sms", title: t("analytics.columns.smsCost"), dataIndex: "sms", align: "right", render: money },
    { key: "numbers", title: t("analytics.columns.numbersCost"), dataIndex: "numbers", align: "right", render: money },
    { key: "total", title: t("analytics.columns.total"), dataIndex: "total", align: "right", render: money },
  ];
  const common = {
    size: "small" as const,
    loading: isLoading,
    pagination: false as const,
    scroll: { x: "max-content" },
    locale: { emptyText: t("analytics.noData") },
  };
  return (
    <Row gutter={[16, 16]}>
      {isAgent ? null : (
        <Col xs={24} xl={12}>
          <Card
            title={t("analytics.tables.perAgent")}
            size="small"
            extra={<CsvButton table="per-agent" filters={filters} />}
          >
            <Table<AgentRow>
              data-testid="analytics-per-agent"
              rowKey="userId"
              columns={agentColumns}
              dataSource={analytics?.perAgent ?? []}
              {...common}
            />
          </Card>
        </Col>
      )}
      <Col xs={24} xl={isAgent ? 24 : 12}>
        <Card
          title={t("analytics.tables.perNumber")}
          size="small"
          extra={<CsvButton table="per-number" filters={filters} />}
        >
          <Table<NumberRow>
            data-testid="analytics-per-number"
            rowKey="phoneNumberId"
            columns={numberColumns}
            dataSource={analytics?.perNumber ?? []}
            {...common}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card
          title={t("analytics.tables.perPeriod")}
          size="small"
          extra={
            <>
              <CsvButton table="cost-per-period" filters={filters} />{" "}
              <CsvButton table="calls-per-period" filters={filters} />{" "}
              <CsvButton table="sms-per-period" filters={filters} /> <CsvButton table="calls" filters={filters} />
            </>
          }
        >
          <Table<CostRow>
            data-testid="analytics-per-period"
            rowKey="period"
            columns={costColumns}
            dataSource={analytics?.cost ?? []}
            {...common}
          />
        </Card>
      </Col>
    </Row>
  );
}
