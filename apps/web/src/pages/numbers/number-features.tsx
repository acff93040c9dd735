import type { ReactNode } from "react";
import { FileTextOutlined, MessageOutlined, PhoneOutlined, PictureOutlined } from "@ant-design/icons";
import { Space, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

const ICONS: Record<string, ReactNode> = {
  voice: <PhoneOutlined />,
  sms: <MessageOutlined />,
  mms: <PictureOutlined />,
  fax: <FileTextOutlined />,
};

function isKnownFeature(feature: string): feature is "voice" | "sms" | "mms" | "fax" {
  return Object.hasOwn(ICONS, feature);
}

/** One icon per capability, with its name as tooltip and accessible label. */
export function NumberFeatures({ features }: { features: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Space size={8} data-testid="number-features" data-features={features.join(",")}>
      {features.filter(isKnownFeature).map((feature) => (
        <Tooltip key={feature} title={t(`numbers.features.${feature}`)}>
          <span role="img" aria-label={t(`numbers.features.${feature}`)}>
            {ICONS[feature]}
          </span>
        </Tooltip>
      ))}
    </Space>
  );
}
