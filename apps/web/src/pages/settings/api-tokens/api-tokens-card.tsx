import { App, Button, Card, Popconfirm, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { translateError } from "../../../lib/app-error";
import { trpc } from "../../../lib/trpc";
import { CreateTokenModal } from "./create-token-modal";

type TokenStatus = "active" | "revoked" | "expired";

function statusOf(token: { revokedAt: Date | null; expiresAt: Date | null }): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return "expired";
  return "active";
}

const STATUS_COLOR: Record<TokenStatus, string> = { active: "green", revoked: "red", expired: "default" };

/** Settings → API tokens (admins): create (shown once), list, revoke. */
export function ApiTokensCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const tokens = trpc.tokens.list.useQuery(undefined);
  const utils = trpc.useUtils();
  const revoke = trpc.tokens.revoke.useMutation({ onSuccess: () => utils.tokens.list.invalidate() });
  const date = (value: Date | null, empty: string) => (value ? value.toLocaleString(i18n.language) : empty);

  async function handleRevoke(id: string) {
    try {
      await revoke.mutateAsync({ id });
      void message.success(t("apiTokens.revoked"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Card
      title={t("apiTokens.title")}
      data-testid="settings-api-tokens"
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="api-token-create">
          {t("apiTokens.create")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t("apiTokens.description.intro")} <Typography.Text code>{t("apiTokens.description.header")}</Typography.Text>
        {t("apiTokens.description.outro")}{" "}
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t("apiTokens.docsLink")}
        </a>
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: tokens.error ? translateError(t, tokens.error) : t("apiTokens.empty") }}
        columns={[
          { key: "name", title: t("apiTokens.columns.name"), dataIndex: "name" },
          {
            key: "prefix",
            title: t("apiTokens.columns.prefix"),
            render: (_, row) => <Typography.Text code>{row.prefix}…</Typography.Text>,
          },
          { key: "role", title: t("apiTokens.columns.role"), render: (_, row) => t(`roles.${row.role}`) },
          { key: "createdBy", title: t("apiTokens.columns.createdBy"), render: (_, row) => row.userName ?? "—" },
          {
            key: "lastUsedAt",
            title: t("apiTokens.columns.lastUsedAt"),
            render: (_, row) => date(row.lastUsedAt, t("apiTokens.never")),
          },
          {
            key: "expiresAt",
            title: t("apiTokens.columns.expiresAt"),
            render: (_, row) => date(row.expiresAt, t("apiTokens.noExpiry")),
          },
          {
            key: "status",
            title: t("apiTokens.columns.status"),
            render: (_, row) => <Tag color={STATUS_COLOR[statusOf(row)]}>{t(`apiTokens.status.${statusOf(row)}`)}</Tag>,
          },
          {
            key: "actions",
            title: t("apiTokens.columns.actions"),
            render: (_, row) =>
              statusOf(row) === "active" ? (
                <Popconfirm
                  title={t("apiTokens.revokeConfirm.title", { name: row.name })}
                  description={t("apiTokens.revokeConfirm.description")}
                  okText={t("apiTokens.revokeConfirm.ok")}
                  cancelText={t("common.cancel")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => handleRevoke(row.id)}
                >
                  <Button size="small" danger data-testid={`api-token-revoke-${row.id}`}>
                    {t("apiTokens.revoke")}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
