import { useState } from "react";
import { Select } from "antd";
import { trpc } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";

export interface PickedLead {
  id: string;
  name: string;
  phoneNumber: string;
}

interface LeadSearchSelectProps {
  id?: string;
  value?: string;
  onChange?: (leadId: string | undefined) => void;
  onPick?: (lead: PickedLead | null) => void;
  /** The lead already chosen (e.g. the row the modal was opened from), shown before any search. */
  initialLead?: PickedLead | null;
  placeholder: string;
}

/** Server-side lead search (leads.list) for a form field holding the lead id. */
export function LeadSearchSelect({ id, value, onChange, onPick, initialLead, placeholder }: LeadSearchSelectProps) {
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), 250);
  const leads = trpc.leads.list.useQuery({ search: debounced || undefined, limit: 10 });
  const found: PickedLead[] = (leads.data?.items ?? []).map((lead) => ({
    id: lead.id,
    name: [lead.firstName, lead.lastName].filter(Boolean).join(" "),
    phoneNumber: lead.phoneNumber,
  }));
  const options = initialLead && !found.some((lead) => lead.id === initialLead.id) ? [initialLead, ...found] : found;

  return (
    <Select
      id={id}
      data-testid="lead-search"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={placeholder}
      loading={leads.isFetching}
      value={value}
      onChange={(leadId?: string) => {
        onChange?.(leadId);
        onPick?.(options.find((lead) => lead.id === leadId) ?? null);
      }}
      options={options.map((lead) => ({ value: lead.id, label: `${lead.name} · ${lead.phoneNumber}` }))}
    />
  );
}
