import { useState } from "react";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { TIvrMenu } from "@app/telnyx-core/routing/routing-schemas";
import { App, Button, Card, Flex, Popconfirm, Space, Tag, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { readAppError, translateError } from "../../lib/app-error";
import { ResponsiveTable } from "../../lib/responsive-table";
import { trpc } from "../../lib/trpc";
import { IvrFormModal } from "./ivr-form-modal";
import { optionTargetToValue } from "./routing-values";
import { useIvrMutations, useIvrTargetChoices } from "./use-routing";

/** Call routing → IVR menus: list (each key and where it goes), create, edit, delete. */
export function IvrCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const menus = trpc.routing.ivr.list.useQuery(undefined);
  const targets = useIvrTargetChoices(null);
  const { remove } = useIvrMutations();
  const [editing, setEditing] = useState<TIvrMenu | "new" | null>(null);

  async function handleDelete(menu: TIvrMenu) {
    try {
      await remove.mutateAsync({ id: menu.id });
      void message.success(t("routing.ivr.deleted"));
    } catch (error) {
      const isInUse = readAppError(error).appCode === "CONFLICT";
      void message.error(isInUse ? t("routing.ivr.deleteInUse") : translateError(t, error));
    }
  }

  const columns: TableColumnsType<TIvrMenu> = [
    {
      key: "name",
      title: t("routing.ivr.columns.name"),
      render: (_, menu) => <Typography.Text strong>{menu.name}</Typography.Text>,
    },
    {
      key: "options",
      title: t("routing.ivr.columns.options"),
      render: (_, menu) => (
        <Flex wrap gap={4} data-testid="ivr-menu-options">
          {menu.options.map((option) => (
            <Tag key={option.digit} style={{ marginInlineEnd: 0, whiteSpace: "normal" }}>
              {t("routing.ivr.optionsSummary", {
                digit: option.digit,
                target: targets.labelOf(optionTargetToValue(option.target)),
              })}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: "actions",
      title: t("routing.ivr.columns.actions"),
      align: "right",
      render: (_, menu) => {
        const isDeleting = remove.isPending && remove.variables?.id === menu.id;
        return (
          <Space wrap>
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid="ivr-edit"
              onClick={() => setEditing(menu)}
              disabled={isDeleting}
            >
              {t("routing.ivr.edit")}
            </Button>
            <Popconfirm
              title={t("routing.ivr.deleteConfirm", { name: menu.name })}
              okText={t("routing.ivr.delete")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => handleDelete(menu)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={isDeleting} data-testid="ivr-delete">
                {t("routing.ivr.delete")}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      title={t("routing.ivr.title")}
      data-testid="routing-ivr"
      extra={
        <Button type="primary" icon={<PlusOutlined />} data-testid="ivr-create" onClick={() => setEditing("new")}>
          {t("routing.ivr.create")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("routing.ivr.description")}</Typography.Paragraph>
      <ResponsiveTable<TIvrMenu>
        data-testid="ivr-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={menus.data ?? []}
        loading={menus.isPending}
        pagination={false}
        locale={{
          emptyText: menus.isPending ? " " : menus.error ? translateError(t, menus.error) : t("routing.ivr.empty"),
        }}
      />
      <IvrFormModal menu={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
