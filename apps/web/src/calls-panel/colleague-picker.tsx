import { useState } from "react";
import type { TColleague } from "@app/telnyx-core/agents/agent-schemas";
import { Badge, Empty, Flex, Input, Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";

const BADGE: Record<TColleague["status"], "success" | "processing" | "warning" | "default"> = {
  AVAILABLE: "success",
  ON_CALL: "processing",
  WRAP_UP: "processing",
  AWAY: "warning",
  OFFLINE: "default",
};

interface ColleaguePickerProps {
  colleagues: TColleague[];
  isLoading: boolean;
  value?: string;
  onChange?: (userId: string) => void;
}

/** The colleague directory in the transfer dialog: search, presence, and why a colleague cannot take the call. */
export function ColleaguePicker({ colleagues, isLoading, value, onChange }: ColleaguePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle ? colleagues.filter((c) => c.name.toLocaleLowerCase().includes(needle)) : colleagues;
  if (!isLoading && colleagues.length === 0)
    return (
      <Empty
        data-testid="transfer-no-colleagues"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t("calls.transfer.alone")}
      />
    );
  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        aria-label={t("calls.transfer.search")}
        placeholder={t("calls.transfer.search")}
        data-testid="transfer-colleague-search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {shown.length === 0 && !isLoading ? (
        <Typography.Text type="secondary" data-testid="transfer-no-match">
          {t("calls.transfer.noMatch", { query: query.trim() })}
        </Typography.Text>
      ) : null}
      <Radio.Group value={value} onChange={(event) => onChange?.(event.target.value as string)}>
        <Flex vertical gap={6} style={{ maxHeight: 260, overflowY: "auto" }} data-testid="transfer-colleagues">
          {shown.map((colleague) => (
            <div key={colleague.userId} data-testid="transfer-colleague" data-user-id={colleague.userId}>
              <Radio value={colleague.userId} disabled={!colleague.canTakeTransfer}>
                <Flex gap={8} align="center" wrap>
                  <span>{colleague.name}</span>
                  <Typography.Text type="secondary">{t(`roles.${colleague.role}`)}</Typography.Text>
                  <Badge status={BADGE[colleague.status]} text={t(`dashboard.agentStatus.${colleague.status}`)} />
                  {colleague.blocker ? (
                    <Typography.Text type="secondary" italic>
                      {t(`calls.transfer.blocker.${colleague.blocker}`)}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </Radio>
            </div>
          ))}
        </Flex>
      </Radio.Group>
    </Flex>
  );
}
