import { useState } from "react";
import { CopyOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";

interface SettingsDrawerProps {
  isOpen: boolean;
  onClose: () => void;
  slaThresholdSecs: number;
  wrapUpSecs: number;
}

/** Supervisors: SLA threshold, wrap-up after calls, kiosk links (created → URL shown once, listed, revoked). */
export function SettingsDrawer({ isOpen, onClose, slaThresholdSecs, wrapUpSecs }: SettingsDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const utils = trpc.useUtils();
  const [name, setName] = useState("");
  const [seconds, setSeconds] = useState<number | null>(null);
  const [wrapUp, setWrapUp] = useState<number | null>(null);
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const links = trpc.wallboard.kioskLinks.useQuery(undefined, { enabled: isOpen });
  const onError = (error: unknown) => void message.error(translateError(t, error));
  const create = trpc.wallboard.createKioskLink.useMutation({
    onSuccess: (link) => {
      setCreatedUrl(new URL(link.url, window.location.origin).toString());
      setName("");
      void utils.wallboard.kioskLinks.invalidate();
    },
    onError,
  });
  const revoke = trpc.wallboard.revokeKioskLink.useMutation({
    onSuccess: () => void utils.wallboard.kioskLinks.invalidate(),
    onError,
  });
  const saveSla = trpc.wallboard.setSlaThreshold.useMutation({
    onSuccess: () => {
      void message.success(t("wallboard.settingsDrawer.saved"));
      void utils.wallboard.snapshot.invalidate();
    },
    onError,
  });
  const saveWrapUp = trpc.agents.setWrapUp.useMutation({
    onSuccess: () => {
      void message.success(t("wallboard.settingsDrawer.wrapUpSaved"));
      void utils.wallboard.snapshot.invalidate();
    },
    onError,
  });
  const copy = async (url: string) => {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    void message.success(t("wallboard.settingsDrawer.copied"));
  };

  return (
    <Drawer
      open={isOpen}
      onClose={onClose}
      title={t("wallboard.settingsDrawer.title")}
      size={480}
      data-testid="wallboard-settings"
    >
      <Typography.Title level={5}>{t("wallboard.settingsDrawer.sla")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("wallboard.settingsDrawer.slaHelp")}</Typography.Paragraph>
      <Flex gap={8}>
        <InputNumber
          data-testid="sla-seconds"
          min={1}
          max={600}
          value={seconds ?? slaThresholdSecs}
          onChange={(value) => setSeconds(value)}
          suffix={t("wallboard.settingsDrawer.seconds")}
        />
        <Button
          data-testid="sla-save"
          loading={saveSla.isPending}
          onClick={() => saveSla.mutate({ seconds: seconds ?? slaThresholdSecs })}
        >
          {t("wallboard.settingsDrawer.save")}
        </Button>
      </Flex>
      <Divider />
      <Typography.Title level={5}>{t("wallboard.settingsDrawer.wrapUp")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("wallboard.settingsDrawer.wrapUpHelp")}</Typography.Paragraph>
      <Flex gap={8}>
        <InputNumber
          data-testid="wrap-up-seconds"
          min={0}
          max={600}
          value={wrapUp ?? wrapUpSecs}
          onChange={(value) => setWrapUp(value)}
          suffix={t("wallboard.settingsDrawer.seconds")}
        />
        <Button
          data-testid="wrap-up-save"
          loading={saveWrapUp.isPending}
          onClick={() => saveWrapUp.mutate({ seconds: wrapUp ?? wrapUpSecs })}
        >
          {t("wallboard.settingsDrawer.save")}
        </Button>
      </Flex>
      <Divider />
      <Typography.Title level={5}>{t("wallboard.settingsDrawer.kioskTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("wallboard.settingsDrawer.kioskHelp")}</Typography.Paragraph>
      <Form layout="inline" onFinish={() => create.mutate({ name: name.trim() })} style={{ marginBottom: 16 }}>
        <Form.Item label={t("wallboard.settingsDrawer.kioskName")} style={{ flex: 1 }}>
          <Input
            id="kiosk-name"
            data-testid="kiosk-name"
            value={name}
            maxLength={80}
            onChange={(event) => setName(event.target.value)}
            placeholder={t("wallboard.settingsDrawer.kioskNamePlaceholder")}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          data-testid="kiosk-create"
          disabled={!name.trim()}
          loading={create.isPending}
        >
          {t("wallboard.settingsDrawer.create")}
        </Button>
      </Form>
      {createdUrl ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("wallboard.settingsDrawer.createdTitle")}
          description={
            <Flex gap={8} align="center">
              <Typography.Text code data-testid="kiosk-url" style={{ wordBreak: "break-all" }}>
                {createdUrl}
              </Typography.Text>
              <Button
                size="small"
                icon={<CopyOutlined />}
                data-testid="kiosk-copy"
                onClick={() => void copy(createdUrl)}
              >
                {t("wallboard.settingsDrawer.copy")}
              </Button>
            </Flex>
          }
          closable={{ onClose: () => setCreatedUrl(null) }}
        />
      ) : null}
      <List
        data-testid="kiosk-links"
        loading={links.isPending}
        locale={{ emptyText: t("wallboard.settingsDrawer.none") }}
        dataSource={links.data ?? []}
        renderItem={(link) => (
          <List.Item
            data-testid="kiosk-link"
            actions={
              link.revokedAt
                ? [<Tag key="revoked">{t("wallboard.settingsDrawer.revoked")}</Tag>]
                : [
                    <Popconfirm
                      key="revoke"
                      title={t("wallboard.settingsDrawer.revokeConfirm")}
                      onConfirm={() => revoke.mutate({ id: link.id })}
                    >
                      <Button danger size="small" data-testid="kiosk-revoke">
                        {t("wallboard.settingsDrawer.revoke")}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={link.name}
              description={
                link.lastUsedAt
                  ? t("wallboard.settingsDrawer.lastUsed", { time: dayjs(link.lastUsedAt).format("L LT") })
                  : t("wallboard.settingsDrawer.neverUsed")
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
