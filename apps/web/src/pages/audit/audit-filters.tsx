import { Button, DatePicker, Flex, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc";
import { auditActionKey, hasFilters, type AuditFilters } from "./audit-values";

interface AuditFiltersBarProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

export function AuditFiltersBar({ filters, onChange }: AuditFiltersBarProps) {
  const { t } = useTranslation();
  const actions = trpc.audit.actions.useQuery(undefined, { staleTime: 60_000 });
  const members = trpc.numbers.members.useQuery(undefined, { staleTime: 60_000 });

  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="audit-filters">
      <Select<string>
        data-testid="audit-action"
        aria-label={t("audit.filters.action")}
        placeholder={t("audit.filters.allActions")}
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        loading={actions.isPending}
        value={filters.action}
        options={(actions.data ?? []).map((action) => ({
          value: action,
          label: t(auditActionKey(action), { defaultValue: action }),
        }))}
        onChange={(action) => onChange({ ...filters, action })}
        style={{ minWidth: 220 }}
      />
      <Select<string>
        data-testid="audit-user"
        aria-label={t("audit.filters.user")}
        placeholder={t("audit.filters.allUsers")}
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        loading={members.isPending}
        value={filters.userId}
        options={(members.data ?? []).map((member) => ({
          value: member.id,
          label: `${member.name} (${member.email})`,
        }))}
        onChange={(userId) => onChange({ ...filters, userId })}
        style={{ minWidth: 240 }}
      />
      <DatePicker.RangePicker
        data-testid="audit-dates"
        aria-label={t("audit.filters.dates")}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        allowEmpty={[true, true]}
        disabledDate={(day) => day.isAfter(dayjs(), "day")}
        onChange={(range) => onChange({ ...filters, from: range?.[0]?.toDate(), to: range?.[1]?.toDate() })}
      />
      {hasFilters(filters) ? (
        <Button type="link" onClick={() => onChange({})}>
          {t("audit.filters.clear")}
        </Button>
      ) : null}
    </Flex>
  );
}
