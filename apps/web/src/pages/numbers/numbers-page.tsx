import { useState } from "react";
import { NumberOutlined, PlusOutlined } from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/session-context";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { BuyNumberDrawer } from "./buy-number-drawer";
import { NumbersTable } from "./numbers-table";
import { useNumbersLiveRefresh } from "./use-number-events";

export function NumbersPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const isAdmin = role === "ADMIN";
  const [isBuying, setIsBuying] = useState(false);
  const numbers = trpc.numbers.list.useQuery(undefined);
  useNumbersLiveRefresh();
  const items = numbers.data?.items ?? [];

  const buyButton = isAdmin ? (
    <Button type="primary" icon={<PlusOutlined />} data-testid="buy-number" onClick={() => setIsBuying(true)}>
      {t("numbers.buy")}
    </Button>
  ) : null;
  const empty = (
    <EmptyState
      data-testid="numbers-empty"
      icon={<NumberOutlined />}
      title={t(isAdmin ? "numbers.empty.title" : "numbers.emptyAgent.title")}
      description={t(isAdmin ? "numbers.empty.description" : "numbers.emptyAgent.description")}
      action={buyButton}
    />
  );

  return (
    <>
      <PageHeader title={t("numbers.title")} subtitle={t("numbers.subtitle")} extra={buyButton} />
      <Card>
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
          {isAdmin ? (
            <span />
          ) : (
            <Typography.Text type="secondary" data-testid="numbers-read-only">
              {t("numbers.readOnly")}
            </Typography.Text>
          )}
          {numbers.data ? (
            <Typography.Text type="secondary">{t("numbers.total", { count: items.length })}</Typography.Text>
          ) : null}
        </Flex>
        {numbers.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={translateError(t, numbers.error)}
            style={{ marginBottom: 16 }}
            action={
              <Button size="small" onClick={() => void numbers.refetch()}>
                {t("common.retry")}
              </Button>
            }
          />
        ) : null}
        <NumbersTable numbers={items} isLoading={numbers.isPending} isAdmin={isAdmin} empty={empty} />
      </Card>
      {isAdmin ? <BuyNumberDrawer isOpen={isBuying} onClose={() => setIsBuying(false)} /> : null}
    </>
  );
}
