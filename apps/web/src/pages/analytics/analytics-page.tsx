import { lazy, Suspense, useState } from "react";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Card, Flex, Skeleton } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/session-context";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { AnalyticsFiltersBar } from "./analytics-filters";
import { toAnalyticsInput, type AnalyticsFilters } from "./analytics-query";
import { AnalyticsTables } from "./analytics-tables";

// The chart library is only downloaded here, after the filters and tables are on screen.
const AnalyticsCharts = lazy(async () => ({ default: (await import("./analytics-charts")).AnalyticsCharts }));

function defaultFilters(): AnalyticsFilters {
  return {
    fromDay: dayjs().subtract(29, "day").format("YYYY-MM-DD"),
    toDay: dayjs().format("YYYY-MM-DD"),
    granularity: "day",
  };
}

export function AnalyticsPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const isAgent = role === "AGENT";
  const [filters, setFilters] = useState(defaultFilters);
  const overview = trpc.stats.overview.useQuery(undefined, { staleTime: 60_000 });
  const currency = overview.data?.currency ?? "USD";
  // Periods are the organization's days: wait for its time zone before asking.
  const zoned = { ...filters, timeZone: overview.data?.timeZone };
  const analytics = trpc.stats.analytics.useQuery(toAnalyticsInput(zoned), {
    placeholderData: (previous) => previous,
    enabled: overview.data !== undefined || overview.isError,
  });

  return (
    <div data-testid="analytics">
      <PageHeader
        title={t("analytics.title")}
        subtitle={isAgent ? t("analytics.subtitleAgent") : t("analytics.subtitle")}
        extra={<AnalyticsFiltersBar filters={filters} onChange={setFilters} canFilterAgent={!isAgent} />}
      />
      {analytics.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t("analytics.loadFailed")}
          description={translateError(t, analytics.error)}
          action={<Button onClick={() => void analytics.refetch()}>{t("common.retry")}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex vertical gap={16}>
        {analytics.data ? (
          <Suspense
            fallback={
              <Card>
                <Skeleton active paragraph={{ rows: 8 }} />
              </Card>
            }
          >
            <AnalyticsCharts analytics={analytics.data} currency={currency} />
          </Suspense>
        ) : analytics.isPending ? (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        ) : null}
        <AnalyticsTables
          analytics={analytics.data}
          isLoading={analytics.isFetching && !analytics.data}
          filters={zoned}
          currency={currency}
          isAgent={isAgent}
        />
      </Flex>
    </div>
  );
}
