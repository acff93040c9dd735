import { useState } from "react";
import { Alert, Button, Card, Empty, Input, List, Typography, theme } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { formatCounterpart } from "../calls/call-format";
import { useThreads } from "./use-threads";

interface ThreadsListProps {
  selectedKey: string | null;
  onSelect: (thread: { leadId: string | null; counterpartNumber: string }) => void;
}

export function ThreadsList({ selectedKey, onSelect }: ThreadsListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [searchText, setSearchText] = useState("");
  const threads = useThreads(searchText);

  return (
    <Card title={t("messages.threads.title")} styles={{ body: { padding: 0 } }} style={{ height: "100%" }}>
      <div style={{ padding: 12 }}>
        <Input.Search
          data-testid="threads-search"
          allowClear
          placeholder={t("messages.searchPlaceholder")}
          aria-label={t("messages.searchPlaceholder")}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
      </div>
      {threads.error ? (
        <Alert type="error" showIcon role="alert" title={translateError(t, threads.error)} style={{ margin: 12 }} />
      ) : null}
      <List
        data-testid="threads-list"
        loading={threads.isLoading}
        dataSource={threads.threads}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                threads.search ? t("messages.threads.noMatch", { search: threads.search }) : t("messages.threads.empty")
              }
            />
          ),
        }}
        renderItem={(thread) => {
          const isSelected = thread.key === selectedKey;
          return (
            <List.Item
              data-testid="thread-item"
              data-key={thread.key}
              onClick={() => onSelect(thread)}
              style={{
                cursor: "pointer",
                padding: "10px 16px",
                background: isSelected ? token.controlItemBgActive : undefined,
              }}
            >
              <div style={{ minWidth: 0, width: "100%" }}>
                <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
                  <Typography.Text strong ellipsis>
                    {formatCounterpart(thread.leadName, thread.counterpartNumber)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
                    {dayjs(thread.lastMessage.createdAt).format(
                      dayjs(thread.lastMessage.createdAt).isSame(dayjs(), "day") ? "LT" : "l",
                    )}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary" ellipsis style={{ display: "block" }} data-testid="thread-preview">
                  {thread.lastMessage.direction === "OUTBOUND" ? `${t("messages.thread.you")}: ` : ""}
                  {thread.lastMessage.text}
                </Typography.Text>
              </div>
            </List.Item>
          );
        }}
      />
      {threads.hasMore ? (
        <div style={{ padding: 12, textAlign: "center" }}>
          <Button loading={threads.isLoadingMore} onClick={threads.loadMore}>
            {t("messages.loadMore")}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
