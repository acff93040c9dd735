import type { HTMLAttributes } from "react";
import { ShoppingCartOutlined } from "@ant-design/icons";
import { formatMoney } from "@app/ui/money";
import { formatPhoneNumberInternational } from "@app/ui/phone-number";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Button, Popconfirm, Table, Tag, Tooltip, type ButtonProps, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import { NumberFeatures } from "./number-features";
import type { AvailableNumber } from "./number-values";

interface AvailableNumbersTableProps {
  numbers: AvailableNumber[];
  isLoading: boolean;
  /** The number being bought, if any: its button spins and the others wait. */
  buying: string | null;
  onBuy: (number: AvailableNumber) => void;
}

export function AvailableNumbersTable({ numbers, isLoading, buying, onBuy }: AvailableNumbersTableProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const columns: TableColumnsType<AvailableNumber> = [
    {
      key: "number",
      title: t("numbers.drawer.columns.number"),
      render: (_, n) => (
        <>
          <PhoneNumberDisplay value={n.phoneNumber} />
          {n.bestEffort ? (
            <Tooltip title={t("numbers.drawer.bestEffortHelp")}>
              <Tag style={{ marginInlineStart: 8 }}>{t("numbers.drawer.bestEffort")}</Tag>
            </Tooltip>
          ) : null}
        </>
      ),
    },
    {
      key: "region",
      title: t("numbers.drawer.columns.region"),
      dataIndex: "region",
      width: 190,
      ellipsis: { showTitle: true },
    },
    {
      key: "features",
      title: t("numbers.drawer.columns.features"),
      render: (_, n) => <NumberFeatures features={n.features} />,
    },
    {
      key: "upfront",
      title: t("numbers.drawer.columns.upfront"),
      align: "right",
      render: (_, n) => formatMoney(n.upfrontCost, n.currency, language),
    },
    {
      key: "monthly",
      title: t("numbers.drawer.columns.monthly"),
      align: "right",
      render: (_, n) => formatMoney(n.monthlyCost, n.currency, language),
    },
    {
      key: "buy",
      align: "right",
      render: (_, n) => (
        <Popconfirm
          title={t("numbers.drawer.buyConfirm.title", { number: formatPhoneNumberInternational(n.phoneNumber) })}
          description={t("numbers.drawer.buyConfirm.description", {
            upfront: formatMoney(n.upfrontCost, n.currency, language),
            monthly: formatMoney(n.monthlyCost, n.currency, language),
          })}
          okText={t("numbers.drawer.buyConfirm.ok")}
          cancelText={t("common.cancel")}
          okButtonProps={{ "data-testid": "buy-confirm" } as ButtonProps}
          onConfirm={() => onBuy(n)}
          disabled={buying !== null}
        >
          <Button
            type="primary"
            ghost
            icon={<ShoppingCartOutlined />}
            data-testid="buy-number-row"
            loading={buying === n.phoneNumber}
            disabled={buying !== null && buying !== n.phoneNumber}
          >
            {t("numbers.drawer.buyRow")}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Table<AvailableNumber>
      data-testid="buy-results"
      rowKey="phoneNumber"
      size="small"
      columns={columns}
      dataSource={numbers}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: isLoading ? " " : t("numbers.drawer.noResults") }}
      scroll={{ x: "max-content" }}
      onRow={(n) =>
        ({ "data-testid": "available-number", "data-number": n.phoneNumber }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
