import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { parseMoneyInput } from "@app/ui/money";
import { getCountryFlagEmoji } from "@app/ui/phone-number";
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { RateAmountCell } from "./rate-amount-cell";
import { isRateKind, normalizeCountryCode, RATE_KINDS, sortRates, type Rate, type RateKind } from "./settings-values";
import { useRateMutations } from "./use-rate-mutations";

interface NewRateValues {
  countryCode: string;
  kind: RateKind;
  amount: string;
}

export function RatesCard({ rates, currency }: { rates: Rate[]; currency: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewRateValues>();
  const { setRate, deleteRate } = useRateMutations();

  async function handleAdd(values: NewRateValues) {
    const countryCode = normalizeCountryCode(values.countryCode);
    const amount = parseMoneyInput(values.amount);
    if (!countryCode || !amount) return;
    try {
      await setRate.mutateAsync({ countryCode, kind: values.kind, amount });
      form.resetFields();
      void message.success(t("settings.rates.saved"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  async function handleDelete(rate: Rate) {
    try {
      await deleteRate.mutateAsync({ id: rate.id });
      void message.success(t("settings.rates.deleted"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  const columns: TableColumnsType<Rate> = [
    {
      key: "country",
      title: t("settings.rates.columns.country"),
      render: (_, rate) =>
        normalizeCountryCode(rate.countryCode)
          ? `${getCountryFlagEmoji(rate.countryCode)} ${rate.countryCode}`
          : t("settings.rates.anyCountry"),
    },
    {
      key: "kind",
      title: t("settings.rates.columns.kind"),
      render: (_, rate) => (isRateKind(rate.kind) ? t(`settings.rates.kinds.${rate.kind}`) : rate.kind),
    },
    { key: "amount", title: t("settings.rates.columns.amount"), render: (_, rate) => <RateAmountCell rate={rate} /> },
    {
      key: "actions",
      align: "right",
      width: 56,
      render: (_, rate) => (
        <Popconfirm
          title={t("settings.rates.deleteConfirm")}
          okText={t("settings.rates.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() => handleDelete(rate)}
        >
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("settings.rates.delete")}
            data-testid="rate-delete"
          />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t("settings.rates.title")} data-testid="settings-rates">
      <Typography.Paragraph type="secondary">{t("settings.rates.description")}</Typography.Paragraph>
      <Table<Rate>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sortRates(rates)}
        pagination={false}
        locale={{ emptyText: t("settings.rates.empty") }}
        data-testid="rates-table"
        style={{ marginBottom: 16 }}
      />
      <Form<NewRateValues>
        form={form}
        layout="inline"
        onFinish={handleAdd}
        disabled={setRate.isPending}
        initialValues={{ kind: "voice_per_minute" }}
      >
        <Flex gap={8} wrap align="flex-start">
          <Form.Item
            name="countryCode"
            rules={[
              {
                validator: (_, value?: string) =>
                  value && normalizeCountryCode(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("settings.rates.invalidCountry"))),
              },
            ]}
          >
            <Input
              aria-label={t("settings.rates.columns.country")}
              placeholder={t("settings.rates.countryPlaceholder")}
              maxLength={2}
              style={{ width: 72 }}
              data-testid="rate-new-country"
            />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              aria-label={t("settings.rates.columns.kind")}
              style={{ width: 230 }}
              data-testid="rate-new-kind"
              options={RATE_KINDS.map((kind) => ({ value: kind, label: t(`settings.rates.kinds.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            rules={[
              {
                validator: (_, value?: string) =>
                  value && parseMoneyInput(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("settings.rates.invalidAmount"))),
              },
            ]}
          >
            <Input
              aria-label={t("settings.rates.columns.amount")}
              placeholder={t("settings.rates.amountPlaceholder")}
              suffix={currency}
              inputMode="decimal"
              style={{ width: 160 }}
              data-testid="rate-new-amount"
            />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={setRate.isPending} data-testid="rate-add">
            {t("settings.rates.add")}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
