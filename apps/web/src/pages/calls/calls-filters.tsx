import { Button, DatePicker, Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import { CALL_STATUSES } from "@app/telnyx-core/calls/call-state";
import type { CallStatus } from "@app/ui/call-status-tag";
import { hasCallFilters, EMPTY_CALL_FILTERS, type CallFilters } from "./use-calls";

const STATUSES: readonly CallStatus[] = CALL_STATUSES;

export interface AgentOption {
  id: string;
  name: string;
}

interface CallsFiltersProps {
  filters: CallFilters;
  onChange: (filters: CallFilters) => void;
  /** Only supervisors and admins filter by agent (agents see their own calls). */
  agents: AgentOption[] | null;
}

export function CallsFilters({ filters, onChange, agents }: CallsFiltersProps) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <Select
        data-testid="calls-filter-direction"
        aria-label={t("calls.filters.direction")}
        style={{ minWidth: 160 }}
        value={filters.direction ?? "ALL"}
        onChange={(value: string) =>
          onChange({ ...filters, direction: value === "ALL" ? undefined : (value as CallFilters["direction"]) })
        }
        options={[
          { value: "ALL", label: t("calls.filters.anyDirection") },
          { value: "OUTBOUND", label: t("calls.direction.OUTBOUND") },
          { value: "INBOUND", label: t("calls.direction.INBOUND") },
        ]}
      />
      <Select
        data-testid="calls-filter-status"
        aria-label={t("calls.filters.status")}
        mode="multiple"
        allowClear
        placeholder={t("calls.filters.status")}
        style={{ minWidth: 200 }}
        value={filters.status}
        onChange={(status: CallStatus[]) => onChange({ ...filters, status })}
        options={STATUSES.map((status) => ({ value: status, label: t(`calls.status.${status}`) }))}
      />
      {agents ? (
        <Select
          data-testid="calls-filter-agent"
          aria-label={t("calls.filters.agent")}
          allowClear
          placeholder={t("calls.filters.agent")}
          style={{ minWidth: 180 }}
          value={filters.userId}
          onChange={(userId?: string) => onChange({ ...filters, userId })}
          options={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
        />
      ) : null}
      <DatePicker.RangePicker
        aria-label={t("calls.filters.dates")}
        value={filters.dates}
        onChange={(dates) => onChange({ ...filters, dates: dates?.[0] && dates[1] ? [dates[0], dates[1]] : null })}
      />
      {hasCallFilters(filters) ? (
        <Button type="link" onClick={() => onChange(EMPTY_CALL_FILTERS)}>
          {t("calls.filters.clear")}
        </Button>
      ) : null}
    </Flex>
  );
}
