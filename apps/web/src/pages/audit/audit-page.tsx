import { useState } from "react";
import { AuditOutlined } from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { AuditFiltersBar } from "./audit-filters";
import { AuditTable } from "./audit-table";
import type { AuditFilters } from "./audit-values";
import { useAuditLog } from "./use-audit-log";

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAuditLog(filters);

  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <Card>
        <AuditFiltersBar filters={filters} onChange={setFilters} />
        {audit.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={translateError(t, audit.error)}
            style={{ marginBottom: 16 }}
            action={
              <Button size="small" onClick={audit.retry}>
                {t("common.retry")}
              </Button>
            }
          />
        ) : null}
        <AuditTable
          entries={audit.entries}
          isLoading={audit.isLoading || audit.isRefreshing}
          empty={
            <EmptyState
              icon={<AuditOutlined />}
              title={t("audit.empty.title")}
              description={t("audit.empty.description")}
            />
          }
        />
        {audit.entries.length > 0 ? (
          <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t("audit.showing", { count: audit.entries.length })}</Typography.Text>
            {audit.hasMore ? (
              <Button data-testid="audit-load-more" loading={audit.isLoadingMore} onClick={audit.loadMore}>
                {t("audit.loadMore")}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Card>
    </>
  );
}
