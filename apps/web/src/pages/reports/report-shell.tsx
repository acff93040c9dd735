import type { ReactNode } from "react";
import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { App, Button, Flex, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RequireAuth } from "../../auth/require-auth";
import { useSession } from "../../auth/session-context";

// A4 pages, no app chrome, no toolbar; cards and tables do not split across pages when avoidable.
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff !important; }
  .report-toolbar { display: none !important; }
  .report-page { padding: 0 !important; max-width: none !important; }
  .report-page .ant-card, .report-page table, .report-page tr { break-inside: avoid; }
  .report-page .ant-card { box-shadow: none !important; border-color: #bbb !important; }
}
@media screen and (max-width: 767px) {
  .report-page { padding: 12px !important; }
}
`;

interface ReportShellProps {
  title: string;
  /** Period picker shown on screen only. */
  controls?: ReactNode;
  children: ReactNode;
}

function ReportBody({ title, controls, children }: ReportShellProps) {
  const { t } = useTranslation();
  const { organization } = useSession();
  return (
    <main className="report-page" data-testid="report" style={{ maxWidth: 1000, margin: "0 auto", padding: 32 }}>
      <style>{PRINT_CSS}</style>
      <Flex
        className="report-toolbar"
        justify="space-between"
        align="center"
        gap={12}
        wrap
        style={{ marginBottom: 24 }}
      >
        <Link to="/">
          <Button icon={<ArrowLeftOutlined />}>{t("reports.back")}</Button>
        </Link>
        <Flex gap={8} align="center" wrap>
          {controls}
          <Button type="primary" icon={<PrinterOutlined />} data-testid="report-print" onClick={() => window.print()}>
            {t("reports.print")}
          </Button>
        </Flex>
      </Flex>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t("reports.generatedAt", { time: dayjs().format("L LT"), organization: organization.name })}
      </Typography.Text>
      <div style={{ marginTop: 24 }}>{children}</div>
    </main>
  );
}

/** Printable page outside the app layout: signed-in users only, light theme, window.print(). */
export function ReportShell(props: ReportShellProps) {
  return (
    <RequireAuth>
      <App>
        <ReportBody {...props} />
      </App>
    </RequireAuth>
  );
}
