import { useEffect, type HTMLAttributes } from "react";
import { PhoneOutlined } from "@ant-design/icons";
import { isOfferedCall } from "@app/telnyx-core/calls/call-state";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { App, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../lib/app-error";
import { formatPhoneNumberLater } from "../lib/format-phone-later";
import { trpc } from "../lib/trpc";
import { onLiveEvent } from "../live/live-events";
import { useApplyLive } from "../live/use-apply-live";

const toastKey = (callId: string) => `incoming-call-${callId}`;

/**
 * call:incoming → a toast with Answer / Skip, closed as soon as the call stops ringing for this agent: answered by a
 * colleague, hung up, or the ring moved on (call:incoming-cancelled: the next agent of the queue rings, or this one
 * skipped it). Skip ("decline") passes the call on; it does not end it.
 */
export function useIncomingCallToasts(): void {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  const live = useApplyLive();
  const answer = trpc.calls.answer.useMutation();
  const decline = trpc.calls.decline.useMutation();

  useEffect(() => {
    const stoppedRinging = new Set<string>();
    const act = async (call: TCallDto, action: typeof answer) => {
      notification.destroy(toastKey(call.id));
      try {
        live.applyCall(await action.mutateAsync({ id: call.id }));
      } catch (error) {
        void message.error(translateError(t, error));
      }
    };
    const show = async (call: TCallDto) => {
      const caller = call.leadName ?? (await formatPhoneNumberLater(call.fromNumber));
      // The call may have stopped ringing while the formatter loaded.
      if (stoppedRinging.has(call.id)) return;
      notification.open({
        key: toastKey(call.id),
        duration: false,
        icon: <PhoneOutlined style={{ color: "#52c41a" }} />,
        title: t("calls.incoming.title"),
        description: t("calls.incoming.from", { caller }),
        props: { "data-testid": "incoming-call-toast", "data-call-id": call.id } as HTMLAttributes<HTMLDivElement>,
        actions: (
          <Space>
            <Button
              data-testid="incoming-decline"
              title={t("calls.incoming.declineHint")}
              onClick={() => void act(call, decline)}
            >
              {t("calls.incoming.decline")}
            </Button>
            <Button type="primary" data-testid="incoming-answer" onClick={() => void act(call, answer)}>
              {t("calls.incoming.answer")}
            </Button>
          </Space>
        ),
      });
    };
    const offIncoming = onLiveEvent("call:incoming", ({ call }) => {
      if (!isOfferedCall(call)) return;
      // A queue offers the same call again in turn once everyone was tried.
      stoppedRinging.delete(call.id);
      void show(call);
    });
    const offCancelled = onLiveEvent("call:incoming-cancelled", ({ callId }) => {
      stoppedRinging.add(callId);
      notification.destroy(toastKey(callId));
    });
    // Answered by a colleague, hung up by the caller, declined: the toast has nothing left to offer.
    const offUpdated = onLiveEvent("call:updated", (call) => {
      if (isOfferedCall(call)) return;
      stoppedRinging.add(call.id);
      notification.destroy(toastKey(call.id));
    });
    return () => {
      offIncoming();
      offCancelled();
      offUpdated();
    };
    // The mutations' identities change on every render; the handlers only need their latest mutateAsync.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [notification, t]);
}
