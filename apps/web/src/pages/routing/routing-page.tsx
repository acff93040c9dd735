import { PageHeader } from "@app/ui/page-header";
import { Col, Flex, Result, Row } from "antd";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/session-context";
import { BusinessHoursCard } from "./business-hours-card";
import { IvrCard } from "./ivr-card";
import { NumberRoutesCard } from "./number-routes-card";
import { QueuesCard } from "./queues-card";
import { VoicemailCard } from "./voicemail-card";

/** Settings → Call routing (supervisors and admins): queues, IVR menus, business hours, voicemail, number routes. */
export function RoutingPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  if (role === "AGENT") return <Result status="403" title={t("errors.FORBIDDEN")} data-testid="routing-forbidden" />;
  return (
    <>
      <PageHeader title={t("routing.title")} subtitle={t("routing.subtitle")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <QueuesCard />
            <IvrCard />
            <NumberRoutesCard />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <BusinessHoursCard />
            <VoicemailCard />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
