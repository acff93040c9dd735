import { CheckOutlined, CloseOutlined, EditOutlined } from "@ant-design/icons";
import { formatMoney, parseMoneyInput } from "@app/ui/money";
import { App, Button, Input, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import { translateError } from "../../lib/app-error";
import { isRateKind, type Rate } from "./settings-values";
import { useRateMutations } from "./use-rate-mutations";

/** The amount, shown with its currency; admins click the pencil to type a new one (kept as a decimal string). */
export function RateAmountCell({ rate }: { rate: Rate }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const { setRate } = useRateMutations();
  const parsed = draft === null ? null : parseMoneyInput(draft);

  async function handleSave() {
    if (!parsed || !isRateKind(rate.kind)) return;
    try {
      await setRate.mutateAsync({ countryCode: rate.countryCode, kind: rate.kind, amount: parsed });
      setDraft(null);
      void message.success(t("settings.rates.saved"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  if (draft === null) {
    return (
      <Space size={4}>
        <Typography.Text data-testid="rate-amount">{formatMoney(rate.amount, rate.currency, language)}</Typography.Text>
        <Tooltip title={t("settings.rates.edit")}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t("settings.rates.edit")}
            data-testid="rate-edit"
            onClick={() => setDraft(rate.amount)}
          />
        </Tooltip>
      </Space>
    );
  }
  return (
    <Space size={4}>
      <Tooltip open={parsed === null} title={t("settings.rates.invalidAmount")}>
        <Input
          size="small"
          autoFocus
          value={draft}
          status={parsed === null ? "error" : undefined}
          suffix={rate.currency}
          inputMode="decimal"
          aria-label={t("settings.rates.columns.amount")}
          data-testid="rate-amount-input"
          style={{ width: 150 }}
          onChange={(event) => setDraft(event.target.value)}
          onPressEnter={() => void handleSave()}
          onKeyDown={(event) => event.key === "Escape" && setDraft(null)}
        />
      </Tooltip>
      <Button
        size="small"
        type="primary"
        icon={<CheckOutlined />}
        aria-label={t("settings.rates.save")}
        disabled={parsed === null}
        loading={setRate.isPending}
        onClick={() => void handleSave()}
        data-testid="rate-save"
      />
      <Button size="small" icon={<CloseOutlined />} aria-label={t("common.cancel")} onClick={() => setDraft(null)} />
    </Space>
  );
}
