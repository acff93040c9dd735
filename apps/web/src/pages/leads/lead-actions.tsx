import { DeleteOutlined, EditOutlined, MessageOutlined, PhoneOutlined, CommentOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm, Space, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { translateError } from "../../lib/app-error";
import { formatLeadName, type Lead } from "./lead-form-values";
import { useLeadMutations } from "./use-lead-mutations";

interface LeadActionsProps {
  lead: Lead;
  canDelete: boolean;
  onEdit: (lead: Lead) => void;
  onCall: (lead: Lead) => void;
  onSms: (lead: Lead) => void;
}

export function LeadActions({ lead, canDelete, onEdit, onCall, onSms }: LeadActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { remove } = useLeadMutations();

  async function handleDelete() {
    try {
      await remove.mutateAsync({ id: lead.id });
      void message.success(t("leads.deleted"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Space size={0}>
      <Tooltip title={t("leads.call")}>
        <Button
          type="text"
          icon={<PhoneOutlined />}
          aria-label={t("leads.call")}
          data-testid="lead-call"
          onClick={() => onCall(lead)}
        />
      </Tooltip>
      <Tooltip title={t("leads.sms")}>
        <Button
          type="text"
          icon={<MessageOutlined />}
          aria-label={t("leads.sms")}
          data-testid="lead-sms"
          onClick={() => onSms(lead)}
        />
      </Tooltip>
      <Tooltip title={t("leads.thread")}>
        <Link to={`/messages?lead=${lead.id}`} aria-label={t("leads.thread")} data-testid="lead-thread">
          <Button type="text" icon={<CommentOutlined />} tabIndex={-1} />
        </Link>
      </Tooltip>
      <Tooltip title={t("leads.edit")}>
        <Button
          type="text"
          icon={<EditOutlined />}
          aria-label={t("leads.edit")}
          data-testid="lead-edit"
          onClick={() => onEdit(lead)}
        />
      </Tooltip>
      {canDelete ? (
        <Popconfirm
          title={t("leads.deleteConfirm.title", { name: formatLeadName(lead) })}
          description={t("leads.deleteConfirm.description")}
          okText={t("leads.deleteConfirm.ok")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          onConfirm={handleDelete}
        >
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("leads.delete")}
            data-testid="lead-delete"
          />
        </Popconfirm>
      ) : null}
    </Space>
  );
}
