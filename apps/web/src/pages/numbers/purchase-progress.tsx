import { formatPhoneNumberInternational } from "@app/ui/phone-number";
import { Alert, Button, Flex, Result, Spin, Steps } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { getPurchaseProgress, type PhoneNumber } from "./number-values";
import { useNumberEvents, refreshNumber } from "./use-number-events";

const POLL_INTERVAL_MS = 3_000;

interface PurchaseProgressProps {
  purchased: PhoneNumber;
  onBuyAnother: () => void;
  onClose: () => void;
}

/** Ordered → active → configured, moved by number:updated pushes, with polling as a fallback while pending. */
export function PurchaseProgress({ purchased, onBuyAnother, onClose }: PurchaseProgressProps) {
  const { t } = useTranslation();
  const utils = trpc.useUtils();
  const query = trpc.numbers.get.useQuery(
    { id: purchased.id },
    {
      initialData: purchased,
      staleTime: 0,
      refetchInterval: (q) => {
        const data = q.state.data;
        if (!data) return POLL_INTERVAL_MS;
        const progress = getPurchaseProgress(data);
        return progress.isDone || progress.isFailed ? false : POLL_INTERVAL_MS;
      },
    },
  );
  useNumberEvents((event) => {
    if (event.id === purchased.id) void refreshNumber(utils, event.id);
  });

  const number = query.data ?? purchased;
  const progress = getPurchaseProgress(number);
  const display = formatPhoneNumberInternational(number.phoneNumber);
  const stepStatus = (index: number): "wait" | "process" | "finish" | "error" => {
    if (progress.isFailed) return index === progress.current ? "error" : "wait";
    if (index < progress.current || progress.isDone) return "finish";
    return index === progress.current ? "process" : "wait";
  };
  const steps = (["ordered", "active", "configured"] as const).map((key, index) => ({
    title: t(`numbers.progress.${key}`),
    content: t(`numbers.progress.${key}Help`),
    status: stepStatus(index),
    icon: stepStatus(index) === "process" ? <Spin size="small" /> : undefined,
  }));

  return (
    <Flex
      vertical
      gap={24}
      data-testid="purchase-progress"
      data-step={progress.isDone ? "done" : progress.isFailed ? "failed" : String(progress.current)}
      data-status={number.status}
    >
      <Steps orientation="vertical" current={progress.current} items={steps} />
      {query.error ? <Alert type="warning" showIcon title={translateError(t, query.error)} /> : null}
      {progress.isDone ? (
        <Result
          status="success"
          title={t(number.features.includes("sms") ? "numbers.progress.done" : "numbers.progress.doneVoiceOnly", {
            number: display,
          })}
          data-testid="buy-success"
          extra={[
            <Button key="another" onClick={onBuyAnother}>
              {t("numbers.progress.buyAnother")}
            </Button>,
            <Button key="close" type="primary" onClick={onClose} data-testid="buy-close">
              {t("numbers.progress.close")}
            </Button>,
          ]}
        />
      ) : null}
      {progress.isFailed ? (
        <Result
          status="error"
          title={t("numbers.progress.failed", { number: display })}
          data-testid="buy-failed"
          extra={<Button onClick={onBuyAnother}>{t("numbers.progress.buyAnother")}</Button>}
        />
      ) : null}
    </Flex>
  );
}
