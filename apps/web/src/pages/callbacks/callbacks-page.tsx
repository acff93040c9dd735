import { useState } from "react";
import { CheckCircleOutlined, InboxOutlined, UserOutlined } from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PageHeader } from "@app/ui/page-header";
import { Alert, Button, Card, Flex, Segmented, Skeleton, Spin, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { CallbackCard } from "./callback-card";
import { type CallbackStatus, useCallbacks } from "./use-callbacks";

const STATUSES: CallbackStatus[] = ["OPEN", "DONE"];

/** The team's callback list: voicemails and missed calls of the viewer's queues, open or done, live. */
export function CallbacksPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CallbackStatus>("OPEN");
  const [mine, setMine] = useState(false);
  const list = useCallbacks(status, mine);
  const emptyKey = mine ? "mine" : status;

  return (
    <>
      <PageHeader title={t("callbacks.title")} subtitle={t("callbacks.subtitle")} />
      <Card>
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
          <Segmented<CallbackStatus>
            data-testid="callbacks-status"
            value={status}
            onChange={setStatus}
            options={STATUSES.map((value) => ({ value, label: t(`callbacks.tabs.${value}`) }))}
          />
          <Flex gap={8} align="center">
            <Switch id="callbacks-mine" data-testid="callbacks-mine" checked={mine} onChange={setMine} />
            <label htmlFor="callbacks-mine">{t("callbacks.mine")}</label>
          </Flex>
        </Flex>
        {list.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={translateError(t, list.error)}
            style={{ marginBottom: 16 }}
            action={
              <Button size="small" onClick={list.retry}>
                {t("common.retry")}
              </Button>
            }
          />
        ) : null}
        {list.isLoading ? <Skeleton active paragraph={{ rows: 4 }} data-testid="callbacks-loading" /> : null}
        {!list.isLoading && list.callbacks.length === 0 && !list.error ? (
          <EmptyState
            data-testid="callbacks-empty"
            icon={mine ? <UserOutlined /> : status === "OPEN" ? <InboxOutlined /> : <CheckCircleOutlined />}
            title={t(`callbacks.empty.${emptyKey}.title`)}
            description={t(`callbacks.empty.${emptyKey}.description`)}
          />
        ) : null}
        <Spin spinning={list.isRefreshing && !list.isLoading}>
          <Flex vertical gap={12} data-testid="callbacks-list">
            {list.callbacks.map((callback) => (
              <CallbackCard key={callback.id} callback={callback} />
            ))}
          </Flex>
        </Spin>
        {list.hasMore ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button data-testid="callbacks-load-more" loading={list.isLoadingMore} onClick={list.loadMore}>
              {t("callbacks.loadMore")}
            </Button>
          </Flex>
        ) : null}
      </Card>
    </>
  );
}
