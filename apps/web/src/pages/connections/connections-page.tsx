import { useState } from "react";
import { PlusOutlined } from "@ant-design/icons";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Card, Flex, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/session-context";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { ConnectionItem } from "./connection-item";
import { sectionOf, type Connection, type ConnectionKind } from "./connection-values";
import { CreateConnectionModal } from "./create-connection-modal";
import { SyncPanel } from "./sync-panel";

interface SectionProps {
  kind: ConnectionKind;
  items: Connection[];
  isLoading: boolean;
  isAdmin: boolean;
  onCreate: (kind: ConnectionKind) => void;
}

function ConnectionSection({ kind, items, isLoading, isAdmin, onCreate }: SectionProps) {
  const { t } = useTranslation();
  const section = sectionOf(kind);
  return (
    <Card
      title={t(`connections.${section}.title`)}
      data-testid={`connections-${section}`}
      style={{ flex: "1 1 420px", minWidth: 0 }}
      extra={
        isAdmin ? (
          <Button icon={<PlusOutlined />} onClick={() => onCreate(kind)} data-testid={`connection-create-${section}`}>
            {t(`connections.${section}.create`)}
          </Button>
        ) : null
      }
    >
      <List
        loading={isLoading}
        dataSource={items}
        locale={{ emptyText: t(`connections.${section}.empty`) }}
        renderItem={(item) => <ConnectionItem item={item} isAdmin={isAdmin} />}
      />
    </Card>
  );
}

export function ConnectionsPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const isAdmin = role === "ADMIN";
  const [creating, setCreating] = useState<ConnectionKind | null>(null);
  const connections = trpc.connections.list.useQuery(undefined);
  const items = connections.data?.items ?? [];
  const expected = connections.data?.expected;
  const section = (kind: ConnectionKind) => (
    <ConnectionSection
      kind={kind}
      items={items.filter((item) => item.kind === kind)}
      isLoading={connections.isPending}
      isAdmin={isAdmin}
      onCreate={setCreating}
    />
  );

  return (
    <>
      <PageHeader title={t("connections.title")} subtitle={t("connections.subtitle")} />
      <Flex vertical gap={16}>
        {isAdmin ? null : (
          <Alert type="info" showIcon title={t("connections.readOnly")} data-testid="connections-read-only" />
        )}
        {connections.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={translateError(t, connections.error)}
            action={
              <Button size="small" onClick={() => void connections.refetch()}>
                {t("common.retry")}
              </Button>
            }
          />
        ) : null}
        {expected ? (
          <Typography.Text type="secondary" data-testid="connections-expected">
            {t("connections.expected", { calls: expected.calls, messages: expected.messages })}
          </Typography.Text>
        ) : null}
        <Flex gap={16} wrap align="flex-start">
          {section("CALL_CONTROL_APPLICATION")}
          {section("MESSAGING_PROFILE")}
          {section("CREDENTIAL_CONNECTION")}
        </Flex>
        <SyncPanel isAdmin={isAdmin} />
      </Flex>
      {isAdmin ? <CreateConnectionModal kind={creating} onClose={() => setCreating(null)} /> : null}
    </>
  );
}
