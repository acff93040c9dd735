import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { buildCsvUrl, type AnalyticsFilters, type CsvTable } from "./analytics-query";

/** A plain link: the browser downloads with the session cookie, nothing is held in memory. */
export function CsvButton({ table, filters }: { table: CsvTable; filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      href={buildCsvUrl(table, filters)}
      download
      data-testid={`csv-${table}`}
    >
      {t(`analytics.csv.${table}`)}
    </Button>
  );
}
