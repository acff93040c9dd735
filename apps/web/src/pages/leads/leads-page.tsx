import { useState } from "react";
import { PlusOutlined, SearchOutlined, TeamOutlined } from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Card, Flex, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useSession } from "../../auth/session-context";
import { translateError } from "../../lib/app-error";
import { PlaceCallModal } from "../calls/place-call-modal";
import type { PickedLead } from "../calls/lead-search-select";
import { SendSmsModal } from "../messages/send-sms-modal";
import { formatLeadName, type Lead } from "./lead-form-values";
import { LeadFormModal } from "./lead-form-modal";
import { LeadsTable } from "./leads-table";
import { useLeads } from "./use-leads";

type Editing = { lead: Lead | null } | null;

export function LeadsPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const [params] = useSearchParams();
  const [searchText, setSearchText] = useState(() => params.get("search") ?? "");
  const [editing, setEditing] = useState<Editing>(null);
  const [contact, setContact] = useState<{ kind: "call" | "sms"; lead: PickedLead } | null>(null);
  const pick = (lead: Lead): PickedLead => ({ id: lead.id, name: formatLeadName(lead), phoneNumber: lead.phoneNumber });
  const leads = useLeads(searchText);
  const openCreate = () => setEditing({ lead: null });

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} data-testid="lead-create" onClick={openCreate}>
      {t("leads.create")}
    </Button>
  );
  const empty = leads.search ? (
    <EmptyState
      data-testid="leads-empty"
      icon={<SearchOutlined />}
      title={t("leads.noMatch.title", { search: leads.search })}
      description={t("leads.noMatch.description")}
    />
  ) : (
    <EmptyState
      data-testid="leads-empty"
      icon={<TeamOutlined />}
      title={t("leads.empty.title")}
      description={t("leads.empty.description")}
      action={createButton}
    />
  );

  return (
    <>
      <PageHeader title={t("leads.title")} subtitle={t("leads.subtitle")} extra={createButton} />
      <Card>
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            data-testid="leads-search"
            allowClear
            placeholder={t("leads.searchPlaceholder")}
            aria-label={t("leads.searchPlaceholder")}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            loading={leads.isRefreshing && !leads.isLoading}
            style={{ maxWidth: 420 }}
          />
          {leads.isLoading ? null : (
            <Typography.Text type="secondary" data-testid="leads-total">
              {t("leads.total", { count: leads.total })}
            </Typography.Text>
          )}
        </Flex>
        {leads.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={translateError(t, leads.error)}
            style={{ marginBottom: 16 }}
            action={
              <Button size="small" onClick={leads.retry}>
                {t("common.retry")}
              </Button>
            }
          />
        ) : null}
        <LeadsTable
          leads={leads.leads}
          isLoading={leads.isLoading || leads.isRefreshing}
          empty={empty}
          canDelete={role !== "AGENT"}
          onEdit={(lead) => setEditing({ lead })}
          onCall={(lead) => setContact({ kind: "call", lead: pick(lead) })}
          onSms={(lead) => setContact({ kind: "sms", lead: pick(lead) })}
        />
        {leads.leads.length > 0 ? (
          <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              {t("leads.showing", { count: leads.leads.length, total: leads.total })}
            </Typography.Text>
            {leads.hasMore ? (
              <Button data-testid="leads-load-more" loading={leads.isLoadingMore} onClick={leads.loadMore}>
                {t("leads.loadMore")}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Card>
      <LeadFormModal isOpen={editing !== null} lead={editing?.lead ?? null} onClose={() => setEditing(null)} />
      <PlaceCallModal isOpen={contact?.kind === "call"} lead={contact?.lead} onClose={() => setContact(null)} />
      <SendSmsModal isOpen={contact?.kind === "sms"} lead={contact?.lead} onClose={() => setContact(null)} />
    </>
  );
}
