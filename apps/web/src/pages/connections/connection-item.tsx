import { DeleteOutlined, ToolOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Descriptions,
  Flex,
  List,
  Popconfirm,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { getCheckColor, type Connection } from "./connection-values";
import { useConnectionMutations } from "./use-connection-mutations";

function UrlText({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{t("connections.notSet")}</Typography.Text>;
  return (
    <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
      {value}
    </Typography.Text>
  );
}

export function ConnectionItem({ item, isAdmin }: { item: Connection; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { update, fixWebhooks, remove } = useConnectionMutations();
  const isRemoving = remove.isPending && remove.variables?.id === item.id;
  const isFixing = fixWebhooks.isPending && fixWebhooks.variables?.id === item.id;
  const isUpdating = update.isPending && update.variables?.id === item.id;

  async function run<T>(action: () => Promise<T>, onDone: (result: T) => void) {
    try {
      onDone(await action());
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }
  const fix = () =>
    run(
      () => fixWebhooks.mutateAsync({ id: item.id }),
      (fixed) => {
        if (fixed.check.status === "ok") void message.success(t("connections.fixed", { name: fixed.name }));
        else void message.warning(t("connections.stillMismatch"));
      },
    );
  const rename = (name: string) =>
    name.trim() && name.trim() !== item.name
      ? run(
          () => update.mutateAsync({ id: item.id, data: { name: name.trim() } }),
          () => void message.success(t("connections.renamed")),
        )
      : undefined;
  const toggle = (active: boolean) =>
    run(
      () => update.mutateAsync({ id: item.id, data: { active } }),
      (updated) =>
        void message.success(
          t(updated.active ? "connections.activated" : "connections.deactivated", { name: updated.name }),
        ),
    );

  const removeItem = () =>
    run(
      () => remove.mutateAsync({ id: item.id }),
      () => void message.success(t("connections.deleted", { name: item.name })),
    );

  return (
    <List.Item data-testid="connection-item" data-kind={item.kind} data-check={item.check.status}>
      <Flex vertical gap={8} style={{ width: "100%" }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex align="center" gap={8} wrap>
            <Typography.Text
              strong
              editable={isAdmin ? { onChange: (name) => void rename(name), triggerType: ["icon"] } : false}
            >
              {item.name}
            </Typography.Text>
            {item.isDefault ? <Tag color="blue">{t("connections.isDefault")}</Tag> : null}
            <Tooltip title={item.check.status === "unknown" ? t("connections.check.unknownHelp") : undefined}>
              <Tag color={getCheckColor(item.check.status)} data-testid="connection-check">
                {t(`connections.check.${item.check.status}`)}
              </Tag>
            </Tooltip>
          </Flex>
          <Flex align="center" gap={8}>
            <Switch
              size="small"
              checked={item.active}
              disabled={!isAdmin}
              loading={isUpdating}
              onChange={(active) => void toggle(active)}
              checkedChildren={t("connections.active")}
              unCheckedChildren={t("connections.inactive")}
              aria-label={t("connections.active")}
            />
            {isAdmin && item.kind === "CREDENTIAL_CONNECTION" ? (
              <Popconfirm
                title={t("connections.deleteConfirm", { name: item.name })}
                description={t("connections.deleteHelp")}
                okText={t("connections.delete")}
                okButtonProps={{ danger: true, "data-testid": "connection-delete-confirm" } as ButtonProps}
                cancelText={t("common.cancel")}
                onConfirm={() => removeItem()}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  loading={isRemoving}
                  disabled={isRemoving}
                  aria-label={t("connections.delete")}
                  data-testid="connection-delete"
                />
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: "id",
              label: t("connections.telnyxId"),
              children: <Typography.Text copyable>{item.telnyxId}</Typography.Text>,
            },
            { key: "url", label: t("connections.webhookUrl"), children: <UrlText value={item.webhookUrl} /> },
            {
              key: "failover",
              label: t("connections.failoverUrl"),
              children: <UrlText value={item.webhookFailoverUrl} />,
            },
          ]}
        />
        {item.check.status === "mismatch" ? (
          <Alert
            type="warning"
            showIcon
            data-testid="connection-problems"
            title={t("connections.check.problemsTitle")}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {item.check.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            }
            action={
              isAdmin ? (
                <Button
                  size="small"
                  type="primary"
                  icon={<ToolOutlined />}
                  loading={isFixing}
                  onClick={() => void fix()}
                  data-testid="connection-fix"
                >
                  {t("connections.fix")}
                </Button>
              ) : undefined
            }
          />
        ) : null}
      </Flex>
    </List.Item>
  );
}
