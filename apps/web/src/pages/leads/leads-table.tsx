import type { ReactNode } from "react";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Typography, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { LeadActions } from "./lead-actions";
import { LeadCostCell } from "./lead-cost-cell";
import { formatLeadName, type Lead } from "./lead-form-values";
import { ResponsiveTable } from "../../lib/responsive-table";

interface LeadsTableProps {
  leads: Lead[];
  isLoading: boolean;
  canDelete: boolean;
  empty: ReactNode;
  onEdit: (lead: Lead) => void;
  onCall: (lead: Lead) => void;
  onSms: (lead: Lead) => void;
}

export function LeadsTable({ leads, isLoading, canDelete, empty, onEdit, onCall, onSms }: LeadsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Lead> = [
    {
      key: "name",
      title: t("leads.columns.name"),
      render: (_, lead) => <Typography.Text strong>{formatLeadName(lead)}</Typography.Text>,
    },
    { key: "company", title: t("leads.columns.company"), dataIndex: "company", responsive: ["md"] },
    {
      key: "email",
      title: t("leads.columns.email"),
      dataIndex: "email",
      responsive: ["lg"],
      render: (email: string | null) => (email ? <a href={`mailto:${email}`}>{email}</a> : null),
    },
    {
      key: "phoneNumber",
      title: t("leads.columns.phoneNumber"),
      dataIndex: "phoneNumber",
      render: (phoneNumber: string) => <PhoneNumberDisplay value={phoneNumber} isLink />,
    },
    {
      key: "createdAt",
      title: t("leads.columns.createdAt"),
      dataIndex: "createdAt",
      responsive: ["xl"],
      render: (createdAt: Date) => dayjs(createdAt).format("ll"),
    },
    {
      key: "cost",
      title: t("leads.columns.costThisMonth"),
      align: "right",
      responsive: ["lg"],
      render: (_, lead) => <LeadCostCell leadId={lead.id} />,
    },
    {
      key: "actions",
      // A wide table scrolls sideways inside its card; the row's actions stay in view.
      fixed: "right",
      title: t("leads.columns.actions"),
      align: "right",
      width: 200,
      render: (_, lead) => (
        <LeadActions lead={lead} canDelete={canDelete} onEdit={onEdit} onCall={onCall} onSms={onSms} />
      ),
    },
  ];

  return (
    <ResponsiveTable<Lead>
      data-testid="leads-table"
      rowKey="id"
      columns={columns}
      dataSource={leads}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: isLoading ? " " : empty }}
      scroll={{ x: "max-content" }}
    />
  );
}
