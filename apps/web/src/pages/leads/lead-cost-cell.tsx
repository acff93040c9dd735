import { formatMoney } from "@app/ui/money";
import { Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import { trpc } from "../../lib/trpc";

/** This month's spend on one lead (stats.leadCost; rows on a page share one batched request). */
export function LeadCostCell({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const cost = trpc.stats.leadCost.useQuery({ leadId }, { staleTime: 60_000 });
  if (!cost.data) return <Typography.Text type="secondary">{cost.isPending ? "…" : "—"}</Typography.Text>;
  const { calls, sms, total, currency, callCount, smsCount } = cost.data;
  return (
    <Tooltip
      title={t("leads.costDetail", {
        calls: formatMoney(calls, currency, language),
        callCount,
        sms: formatMoney(sms, currency, language),
        smsCount,
      })}
    >
      <span data-testid="lead-cost" style={{ fontVariantNumeric: "tabular-nums" }}>
        {formatMoney(total, currency, language)}
      </span>
    </Tooltip>
  );
}
