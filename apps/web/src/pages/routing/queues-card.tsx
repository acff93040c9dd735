import { useState } from "react";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { TQueue } from "@app/telnyx-core/routing/routing-schemas";
import { App, Button, Card, Popconfirm, Space, Tooltip, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { readAppError, translateError } from "../../lib/app-error";
import { ResponsiveTable } from "../../lib/responsive-table";
import { trpc } from "../../lib/trpc";
import { QueueFormModal } from "./queue-form-modal";
import { useAgentChoices, useQueueMutations } from "./use-routing";

/** Call routing → queues: list, create, edit, delete. */
export function QueuesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queues = trpc.routing.queues.list.useQuery(undefined);
  const agents = useAgentChoices();
  const { remove } = useQueueMutations();
  const [editing, setEditing] = useState<TQueue | "new" | null>(null);

  async function handleDelete(queue: TQueue) {
    try {
      await remove.mutateAsync({ id: queue.id });
      void message.success(t("routing.queues.deleted"));
    } catch (error) {
      const isRouted = readAppError(error).appCode === "CONFLICT";
      void message.error(isRouted ? t("routing.queues.deleteRouted") : translateError(t, error));
    }
  }

  const columns: TableColumnsType<TQueue> = [
    {
      key: "name",
      title: t("routing.queues.columns.name"),
      render: (_, queue) => <Typography.Text strong>{queue.name}</Typography.Text>,
    },
    {
      key: "strategy",
      title: t("routing.queues.columns.strategy"),
      render: (_, queue) => t(`routing.strategy.${queue.strategy}`),
    },
    {
      key: "members",
      title: t("routing.queues.columns.members"),
      render: (_, queue) => (
        <Tooltip title={queue.memberUserIds.map(agents.nameOf).join(", ") || null}>
          <span data-testid="queue-members-count">
            {t("routing.queues.membersCount", { count: queue.memberUserIds.length })}
          </span>
        </Tooltip>
      ),
    },
    {
      key: "timing",
      title: t("routing.queues.columns.timing"),
      render: (_, queue) => t("routing.queues.timing", { ring: queue.ringTimeoutSecs, wait: queue.maxWaitSecs }),
    },
    {
      key: "actions",
      title: t("routing.queues.columns.actions"),
      align: "right",
      render: (_, queue) => {
        const isDeleting = remove.isPending && remove.variables?.id === queue.id;
        return (
          <Space wrap>
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid="queue-edit"
              onClick={() => setEditing(queue)}
              disabled={isDeleting}
            >
              {t("routing.queues.edit")}
            </Button>
            <Popconfirm
              title={t("routing.queues.deleteConfirm", { name: queue.name })}
              description={t("routing.queues.deleteConfirmDescription")}
              okText={t("routing.queues.delete")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => handleDelete(queue)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={isDeleting} data-testid="queue-delete">
                {t("routing.queues.delete")}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      title={t("routing.queues.title")}
      data-testid="routing-queues"
      extra={
        <Button type="primary" icon={<PlusOutlined />} data-testid="queue-create" onClick={() => setEditing("new")}>
          {t("routing.queues.create")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("routing.queues.description")}</Typography.Paragraph>
      <ResponsiveTable<TQueue>
        data-testid="queues-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={queues.data ?? []}
        loading={queues.isPending}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: queues.isPending
            ? " "
            : queues.error
              ? translateError(t, queues.error)
              : t("routing.queues.empty"),
        }}
      />
      <QueueFormModal queue={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
