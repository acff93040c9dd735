import { CheckOutlined, UserAddOutlined } from "@ant-design/icons";
import type { TCallback } from "@app/telnyx-core/routing/routing-schemas";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { App, Button, Card, Descriptions, Flex, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../auth/session-context";
import { env } from "../../env";
import { translateError } from "../../lib/app-error";
import { useCallbackActions } from "./use-callbacks";

const apiOrigin = env.trpcUrl.replace(/\/trpc$/, "");

const REASON_COLOR: Record<TCallback["reason"], string> = { VOICEMAIL: "purple", MISSED: "red" };

/** One voicemail or missed call: who, when, the message, and the two actions while it is open. */
export function CallbackCard({ callback }: { callback: TCallback }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const { assign, markDone } = useCallbackActions();
  const isAssigning = assign.isPending && assign.variables?.id === callback.id;
  const isMarking = markDone.isPending && markDone.variables?.id === callback.id;
  const isBusy = isAssigning || isMarking;
  const isOpen = callback.doneAt === null;
  const isMine = callback.assigneeUserId === user.id;

  async function run(action: typeof assign, success: string) {
    try {
      await action.mutateAsync({ id: callback.id });
      void message.success(success);
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  const actions = isOpen
    ? [
        isMine ? null : (
          <Button
            key="assign"
            type="text"
            icon={<UserAddOutlined />}
            loading={isAssigning}
            disabled={isBusy}
            data-testid="callback-assign"
            onClick={() => void run(assign, t("callbacks.assigned"))}
          >
            {t("callbacks.assignToMe")}
          </Button>
        ),
        <Button
          key="done"
          type="text"
          icon={<CheckOutlined />}
          loading={isMarking}
          disabled={isBusy}
          data-testid="callback-done"
          onClick={() => void run(markDone, t("callbacks.done"))}
        >
          {t("callbacks.markDone")}
        </Button>,
      ].filter(Boolean)
    : undefined;

  return (
    <Card
      size="small"
      data-testid="callback"
      data-callback-id={callback.id}
      data-call-id={callback.callId}
      data-reason={callback.reason}
      title={
        <Flex gap={8} align="center" wrap>
          <Tag color={REASON_COLOR[callback.reason]} data-testid="callback-reason">
            {t(`callbacks.reason.${callback.reason}`)}
          </Tag>
          <PhoneNumberDisplay value={callback.fromNumber} />
        </Flex>
      }
      extra={
        <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
          {dayjs(callback.createdAt).format("L LT")}
        </Typography.Text>
      }
      actions={actions}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          callback.leadId
            ? {
                key: "lead",
                label: t("callbacks.lead"),
                children: (
                  <Link to={`/leads?search=${encodeURIComponent(callback.fromNumber)}`} data-testid="callback-lead">
                    {callback.leadName ?? callback.fromNumber}
                  </Link>
                ),
              }
            : null,
          callback.queueName ? { key: "queue", label: t("callbacks.queue"), children: callback.queueName } : null,
          {
            key: "assignee",
            label: t("callbacks.assignee"),
            children: <span data-testid="callback-assignee">{callback.assigneeName ?? t("callbacks.unassigned")}</span>,
          },
          callback.doneAt
            ? {
                key: "done",
                label: null,
                children: t("callbacks.doneAt", { time: dayjs(callback.doneAt).format("L LT") }),
              }
            : null,
        ].filter((item) => item !== null)}
      />
      {callback.reason === "VOICEMAIL" ? (
        callback.recordingUrl ? (
          // biome-ignore lint/a11y/useMediaCaption: a voicemail has no caption track to offer.
          <audio
            data-testid="callback-voicemail"
            aria-label={t("callbacks.voicemail")}
            controls
            preload="none"
            src={`${apiOrigin}${callback.recordingUrl}`}
            style={{ width: "100%", marginTop: 8 }}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="callback-no-recording">
            {t("callbacks.noRecording")}
          </Typography.Text>
        )
      ) : null}
    </Card>
  );
}
