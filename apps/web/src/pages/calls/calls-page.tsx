import { useState } from "react";
import { FilterOutlined, PhoneOutlined } from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/session-context";
import { translateError } from "../../lib/app-error";
import { CallDetailDrawer } from "./call-detail-drawer";
import { CallsFilters } from "./calls-filters";
import { CallsTable } from "./calls-table";
import { PlaceCallModal } from "./place-call-modal";
import { useAgentOptions } from "./use-agent-options";
import { EMPTY_CALL_FILTERS, hasCallFilters, useCalls, type CallFilters } from "./use-calls";

export function CallsPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const [filters, setFilters] = useState<CallFilters>(EMPTY_CALL_FILTERS);
  const [openCallId, setOpenCallId] = useState<string | null>(null);
  const [isPlacing, setIsPlacing] = useState(false);
  const calls = useCalls(filters);
  const agents = useAgentOptions(calls.calls);
  const isFiltered = hasCallFilters(filters);

  const placeButton = (
    <Button type="primary" icon={<PhoneOutlined />} data-testid="place-call" onClick={() => setIsPlacing(true)}>
      {t("calls.placeCall")}
    </Button>
  );
  const empty = isFiltered ? (
    <EmptyState
      data-testid="calls-empty"
      icon={<FilterOutlined />}
      title={t("calls.noMatch.title")}
      description={t("calls.noMatch.description")}
    />
  ) : (
    <EmptyState
      data-testid="calls-empty"
      icon={<PhoneOutlined />}
      title={t("calls.empty.title")}
      description={t("calls.empty.description")}
      action={placeButton}
    />
  );

  return (
    <>
      <PageHeader title={t("calls.title")} subtitle={t("calls.subtitle")} extra={placeButton} />
      <Card>
        <CallsFilters filters={filters} onChange={setFilters} agents={role === "AGENT" ? null : agents} />
        {calls.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={translateError(t, calls.error)}
            style={{ marginBottom: 16 }}
            action={
              <Button size="small" onClick={calls.retry}>
                {t("common.retry")}
              </Button>
            }
          />
        ) : null}
        <CallsTable
          calls={calls.calls}
          isLoading={calls.isLoading || calls.isRefreshing}
          empty={empty}
          onOpen={(call) => setOpenCallId(call.id)}
        />
        {calls.calls.length > 0 ? (
          <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t("calls.showing", { count: calls.calls.length })}</Typography.Text>
            {calls.hasMore ? (
              <Button data-testid="calls-load-more" loading={calls.isLoadingMore} onClick={calls.loadMore}>
                {t("calls.loadMore")}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Card>
      <CallDetailDrawer callId={openCallId} onClose={() => setOpenCallId(null)} />
      <PlaceCallModal isOpen={isPlacing} onClose={() => setIsPlacing(false)} />
    </>
  );
}
