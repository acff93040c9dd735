import { PageHeader } from "@app/ui/page-header";
import { BranchesOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { OrganizationCard } from "./organization-card";
import { RatesCard } from "./rates-card";
import { TelnyxKeysCard } from "./telnyx-keys-card";
import { WebhookUrlsCard } from "./webhook-urls-card";
import { ApiTokensCard } from "./api-tokens/api-tokens-card";

export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
              <Card title={t("settings.routing.title")} data-testid="settings-routing">
                <Typography.Paragraph type="secondary">{t("settings.routing.description")}</Typography.Paragraph>
                <Button
                  icon={<BranchesOutlined />}
                  data-testid="settings-routing-open"
                  onClick={() => void navigate("/settings/routing")}
                >
                  {t("settings.routing.open")}
                </Button>
              </Card>
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
