import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Col, Flex, Row, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { OrganizationCard } from "./organization-card";
import { RatesCard } from "./rates-card";
import { TelnyxKeysCard } from "./telnyx-keys-card";
import { WebhookUrlsCard } from "./webhook-urls-card";
import { ApiTokensCard } from "./api-tokens/api-tokens-card";

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = trpc.settings.get.useQuery(undefined);
  const data = settings.data;

  return (
    <>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")} />
      {settings.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={translateError(t, settings.error)}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" onClick={() => void settings.refetch()}>
              {t("common.retry")}
            </Button>
          }
        />
      ) : null}
      {settings.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Flex vertical gap={16}>
              <OrganizationCard
                key={`${data.organization.name}|${data.organization.timeZone}`}
                organization={data.organization}
              />
              <WebhookUrlsCard urls={data.webhookUrls} />
            </Flex>
          </Col>
          <Col xs={24} xl={12}>
            <Flex vertical gap={16}>
              <TelnyxKeysCard telnyx={data.telnyx} />
              <RatesCard rates={data.rates} currency={data.organization.currency} />
              <ApiTokensCard />
            </Flex>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
