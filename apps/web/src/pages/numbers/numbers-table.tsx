import type { HTMLAttributes, ReactNode } from "react";
import { CheckCircleFilled, ExclamationCircleOutlined } from "@ant-design/icons";
import { formatMoney } from "@app/ui/money";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import { NumberActions } from "./number-actions";
import { NumberAssignSelect } from "./number-assign-select";
import { NumberFeatures } from "./number-features";
import { getStatusColor, NUMBER_TYPES, type NumberType, type PhoneNumber } from "./number-values";
import { ResponsiveTable } from "../../lib/responsive-table";

interface NumbersTableProps {
  numbers: PhoneNumber[];
  isLoading: boolean;
  isAdmin: boolean;
  empty: ReactNode;
}

function isNumberType(value: string): value is NumberType {
  return (NUMBER_TYPES as readonly string[]).includes(value);
}

function ConfiguredBadge({ isConfigured }: { isConfigured: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(isConfigured ? "numbers.configuredHelp" : "numbers.notConfiguredHelp")}>
      <Tag
        data-testid="number-configured"
        data-configured={String(isConfigured)}
        color={isConfigured ? "success" : "warning"}
        icon={isConfigured ? <CheckCircleFilled /> : <ExclamationCircleOutlined />}
      >
        {t(isConfigured ? "numbers.configured" : "numbers.notConfigured")}
      </Tag>
    </Tooltip>
  );
}

export function NumbersTable({ numbers, isLoading, isAdmin, empty }: NumbersTableProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const money = (amount: string | null, currency: string) => formatMoney(amount, currency, language);
  const columns: TableColumnsType<PhoneNumber> = [
    {
      key: "number",
      title: t("numbers.columns.number"),
      render: (_, n) => <PhoneNumberDisplay value={n.phoneNumber} copyable />,
    },
    {
      key: "type",
      title: t("numbers.columns.type"),
      responsive: ["md"],
      render: (_, n) => (isNumberType(n.numberType) ? t(`numbers.types.${n.numberType}`) : n.numberType),
    },
    {
      key: "status",
      title: t("numbers.columns.status"),
      render: (_, n) => (
        <Tag color={getStatusColor(n.status)} data-testid="number-status">
          {t(`numbers.status.${n.status}`)}
        </Tag>
      ),
    },
    {
      key: "features",
      title: t("numbers.columns.features"),
      responsive: ["lg"],
      render: (_, n) => <NumberFeatures features={n.features} />,
    },
    {
      key: "assigned",
      title: t("numbers.columns.assigned"),
      render: (_, n) =>
        isAdmin ? (
          <NumberAssignSelect number={n} />
        ) : (
          <Typography.Text type={n.assignedUserName ? undefined : "secondary"}>
            {n.assignedUserName ?? t("numbers.shared")}
          </Typography.Text>
        ),
    },
    {
      key: "monthly",
      title: t("numbers.columns.monthlyCost"),
      align: "right",
      render: (_, n) => money(n.monthlyCost, n.currency),
    },
    {
      key: "usage",
      title: t("numbers.columns.usage"),
      responsive: ["xl"],
      render: (_, n) => (
        <Typography.Text type="secondary" data-testid="number-usage" style={{ whiteSpace: "nowrap" }}>
          {t("numbers.usage", {
            count: n.usage.calls,
            messages: n.usage.messages,
            cost: money(n.usage.cost, n.currency),
          })}
        </Typography.Text>
      ),
    },
    {
      key: "configured",
      title: t("numbers.columns.configured"),
      render: (_, n) => <ConfiguredBadge isConfigured={n.isConfigured} />,
    },
  ];
  if (isAdmin) {
    columns.push({
      key: "actions",
      // A wide table scrolls sideways inside its card; the row's actions stay in view.
      fixed: "right",
      title: t("numbers.columns.actions"),
      align: "right",
      width: 72,
      render: (_, n) => <NumberActions number={n} />,
    });
  }

  return (
    <ResponsiveTable<PhoneNumber>
      data-testid="numbers-table"
      rowKey="id"
      columns={columns}
      dataSource={numbers}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: isLoading ? " " : empty }}
      scroll={{ x: "max-content" }}
      onRow={(n) =>
        ({
          "data-testid": "number-row",
          "data-status": n.status,
          "data-number": n.phoneNumber,
          "data-configured": String(n.isConfigured),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
