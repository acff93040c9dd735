import { AreaChartOutlined, PrinterOutlined } from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Flex, Typography, theme } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../auth/session-context";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { OverviewCounters } from "./overview-counters";

/** Today's counters; stats:delta events keep them live (see live/stats-cache.ts), a reconnect refetches. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { role } = useSession();
  const overview = trpc.stats.overview.useQuery(undefined, { staleTime: 60_000 });
  const data = overview.data;
  const isEmpty = data !== undefined && data.callsToday === 0 && data.smsSentToday === 0;
  const month = dayjs().format("YYYY-MM");
  const day = dayjs().format("YYYY-MM-DD");

  return (
    <div data-testid="dashboard">
      <PageHeader
        title={t("dashboard.title")}
        subtitle={role === "AGENT" ? t("dashboard.subtitleAgent") : t("dashboard.subtitle")}
        extra={
          <>
            <Link to="/analytics">
              <Button icon={<AreaChartOutlined />}>{t("dashboard.openAnalytics")}</Button>
            </Link>
            <Link to={`/reports/monthly-cost?month=${month}`}>
              <Button icon={<PrinterOutlined />}>{t("dashboard.monthlyCostReport")}</Button>
            </Link>
            <Link to={`/reports/daily-activity?date=${day}`}>
              <Button icon={<PrinterOutlined />}>{t("dashboard.dailyActivityReport")}</Button>
            </Link>
          </>
        }
      />
      {overview.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t("dashboard.loadFailed")}
          description={translateError(t, overview.error)}
          action={<Button onClick={() => void overview.refetch()}>{t("common.retry")}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <OverviewCounters overview={data} isLoading={overview.isPending && !overview.error} />
      {isEmpty ? (
        // A plain panel in antd Card's look: Card pulls in Tabs, Dropdown and Menu for nothing here.
        <div
          style={{
            marginTop: 16,
            padding: token.paddingLG,
            background: token.colorBgContainer,
            border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
          }}
        >
          <EmptyState
            data-testid="dashboard-empty"
            title={t("dashboard.emptyTitle")}
            description={t("dashboard.emptyDescription")}
          />
        </div>
      ) : null}
      {data ? (
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t("dashboard.asOf", { timeZone: data.timeZone })}</Typography.Text>
        </Flex>
      ) : null}
    </div>
  );
}
