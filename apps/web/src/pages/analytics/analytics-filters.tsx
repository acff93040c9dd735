import { DatePicker, Segmented, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc";
import type { AnalyticsFilters, Granularity } from "./analytics-query";

interface AnalyticsFiltersBarProps {
  filters: AnalyticsFilters;
  onChange: (filters: AnalyticsFilters) => void;
  /** Agents see only their own figures: no agent filter. */
  canFilterAgent: boolean;
}

export function AnalyticsFiltersBar({ filters, onChange, canFilterAgent }: AnalyticsFiltersBarProps) {
  const { t } = useTranslation();
  const agents = trpc.agents.list.useQuery(undefined, { enabled: canFilterAgent, staleTime: 60_000 });
  return (
    <>
      <DatePicker.RangePicker
        data-testid="analytics-range"
        aria-label={t("analytics.range")}
        allowClear={false}
        value={[dayjs(filters.fromDay), dayjs(filters.toDay)]}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) onChange({ ...filters, fromDay: from.format("YYYY-MM-DD"), toDay: to.format("YYYY-MM-DD") });
        }}
      />
      <Segmented<Granularity>
        data-testid="analytics-granularity"
        value={filters.granularity}
        options={[
          { value: "day", label: t("analytics.granularity.day") },
          { value: "month", label: t("analytics.granularity.month") },
        ]}
        onChange={(granularity) => onChange({ ...filters, granularity })}
      />
      {canFilterAgent ? (
        <Select
          data-testid="analytics-agent"
          aria-label={t("analytics.agent")}
          style={{ minWidth: 200 }}
          allowClear
          placeholder={t("analytics.allAgents")}
          loading={agents.isPending}
          value={filters.userId}
          options={(agents.data ?? []).map((agent) => ({ value: agent.userId, label: agent.name }))}
          onChange={(userId?: string) => onChange({ ...filters, userId })}
        />
      ) : null}
    </>
  );
}
