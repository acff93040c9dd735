import { lazy, Suspense, useEffect, useRef, useState } from "react";
import {
  AudioMutedOutlined,
  AudioOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SwapOutlined,
} from "@ant-design/icons";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { CallStatusTag } from "@app/ui/call-status-tag";
import { CallTimer } from "@app/ui/call-timer";
import { formatDuration } from "@app/ui/duration";
import { LiveCallCard } from "@app/ui/live-call-card";
import { formatPhoneNumberInternational } from "@app/ui/phone-number";
import { App, Button, Grid, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../i18n/use-language";
import { translateError } from "../lib/app-error";
import { trpc } from "../lib/trpc";
import { useActionKey } from "../lib/use-action-key";
import { useApplyLive } from "../live/use-apply-live";
import { formatCounterpart, getCallCounterpart } from "../pages/calls/call-format";
import { formatMoney } from "@app/ui/money";

// The transfer form (inputs, selects, phone parsing) loads only when an agent opens it.
const TransferModal = lazy(async () => ({ default: (await import("./transfer-modal")).TransferModal }));

function useCallActions(onResult: (call: TCallDto) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const options = { onSuccess: onResult, onError: (error: unknown) => void message.error(translateError(t, error)) };
  return {
    mute: trpc.calls.mute.useMutation(options),
    unmute: trpc.calls.unmute.useMutation(options),
    hold: trpc.calls.hold.useMutation(options),
    unhold: trpc.calls.unhold.useMutation(options),
    hangup: trpc.calls.hangup.useMutation(options),
    completeTransfer: trpc.calls.completeTransfer.useMutation(options),
    returnToCustomer: trpc.calls.returnToCustomer.useMutation(options),
  };
}

/** The panel's height, so the page can keep that much room free under its last row. */
function useHeight<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, height] as const;
}

interface LiveCallViewProps {
  call: TCallDto;
  isEnded: boolean;
  /** The viewer handed the call off: it is over for them, whatever its status. */
  isTransferred: boolean;
  keepEnded: (call: TCallDto) => void;
}

/** A transfer target as shown: a number formatted, a colleague's name as is. */
const formatTransferTarget = (to: string | null) =>
  to?.startsWith("+") ? formatPhoneNumberInternational(to) : (to ?? "");

/** Seconds the viewer spent on a call they handed off. */
function handedOffSecs(call: TCallDto): number {
  if (!call.answeredAt || !call.transferredAt) return 0;
  return Math.max(0, Math.round((new Date(call.transferredAt).getTime() - new Date(call.answeredAt).getTime()) / 1000));
}

/** The floating card itself; buttons act on the call through the API. */
export function LiveCallView({ call, isEnded, isTransferred, keepEnded }: LiveCallViewProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const live = useApplyLive();
  const [isTransferring, setIsTransferring] = useState(false);
  const isPhone = Grid.useBreakpoint().md === false;
  const [panelRef, panelHeight] = useHeight<HTMLElement>();
  const inset = isPhone ? 8 : 24;
  const actions = useCallActions((result) => {
    live.applyCall(result);
    keepEnded(result);
  });

  const completeKey = useActionKey();
  const returnKey = useActionKey();
  const isTalking = call.status === "ANSWERED" || call.status === "BRIDGED";
  const isConsulting = call.consultUserId !== null;
  const isBusy = Object.values(actions).some((action) => action.isPending);
  const id = { id: call.id };
  const counterpart = getCallCounterpart(call);
  const cost = formatMoney(call.cost, call.costCurrency, language);

  const buttons = isEnded ? null : (
    <>
      {call.isMuted ? (
        <Button
          size="small"
          icon={<AudioOutlined />}
          data-testid="call-unmute"
          disabled={!isTalking || isBusy}
          onClick={() => actions.unmute.mutate(id)}
        >
          {t("calls.panel.unmute")}
        </Button>
      ) : (
        <Button
          size="small"
          icon={<AudioMutedOutlined />}
          data-testid="call-mute"
          disabled={!isTalking || isBusy}
          onClick={() => actions.mute.mutate(id)}
        >
          {t("calls.panel.mute")}
        </Button>
      )}
      {call.isOnHold ? (
        <Button
          size="small"
          icon={<PlayCircleOutlined />}
          data-testid="call-unhold"
          disabled={!isTalking || isBusy || isConsulting}
          onClick={() => actions.unhold.mutate(id)}
        >
          {t("calls.panel.unhold")}
        </Button>
      ) : (
        <Button
          size="small"
          icon={<PauseCircleOutlined />}
          data-testid="call-hold"
          disabled={!isTalking || isBusy || isConsulting}
          onClick={() => actions.hold.mutate(id)}
        >
          {t("calls.panel.hold")}
        </Button>
      )}
      {isConsulting ? (
        <>
          <Button
            size="small"
            type="primary"
            icon={<SwapOutlined />}
            data-testid="call-complete-transfer"
            disabled={call.consultAnsweredAt === null || isBusy}
            loading={actions.completeTransfer.isPending}
            onClick={() =>
              void completeKey
                .run((idempotencyKey) => actions.completeTransfer.mutateAsync({ ...id, idempotencyKey }))
                .catch(() => undefined)
            }
          >
            {t("calls.panel.completeTransfer")}
          </Button>
          <Button
            size="small"
            icon={<RollbackOutlined />}
            data-testid="call-return-to-customer"
            disabled={isBusy}
            loading={actions.returnToCustomer.isPending}
            onClick={() =>
              void returnKey
                .run((idempotencyKey) => actions.returnToCustomer.mutateAsync({ ...id, idempotencyKey }))
                .catch(() => undefined)
            }
          >
            {t("calls.panel.returnToCustomer")}
          </Button>
        </>
      ) : (
        <Button
          size="small"
          icon={<SwapOutlined />}
          data-testid="call-transfer"
          disabled={!isTalking || isBusy}
          onClick={() => setIsTransferring(true)}
        >
          {t("calls.panel.transfer")}
        </Button>
      )}
      <Button
        size="small"
        danger
        type="primary"
        icon={<PhoneOutlined rotate={135} />}
        data-testid="call-hangup"
        loading={actions.hangup.isPending}
        onClick={() => actions.hangup.mutate(id)}
      >
        {t("calls.panel.hangup")}
      </Button>
    </>
  );

  const flags = (
    <>
      {call.isMuted ? <Tag color="orange">{t("calls.panel.muted")}</Tag> : null}
      {call.isOnHold ? <Tag color="purple">{t("calls.panel.onHold")}</Tag> : null}
      {call.isRecording ? <Tag color="red">● {t("calls.panel.recording")}</Tag> : null}
      {isConsulting ? (
        <Tag color="blue" data-testid="live-call-consulting">
          {t(call.consultAnsweredAt ? "calls.panel.consulting" : "calls.panel.consultRinging", {
            name: call.consultName ?? "",
          })}
        </Tag>
      ) : null}
    </>
  );

  return (
    <>
      {/* The panel floats over the page's end: this much room after the content lets the last rows (and their
          action buttons) scroll above it instead of staying under it. */}
      <div aria-hidden data-testid="live-call-spacer" style={{ height: panelHeight + inset }} />
      <section
        ref={panelRef}
        aria-label={t("calls.panel.title")}
        style={{ position: "fixed", right: inset, bottom: inset, left: isPhone ? inset : undefined, zIndex: 1000 }}
      >
        <LiveCallCard
          style={isPhone ? { width: "100%" } : undefined}
          data-testid="live-call-panel"
          data-call-id={call.id}
          data-ended={String(isEnded)}
          title={formatCounterpart(call.leadName, counterpart)}
          subtitle={call.leadName ? formatPhoneNumberInternational(counterpart) : undefined}
          status={
            isTransferred ? (
              <Tag color="blue" data-testid="live-call-status">
                {t("calls.panel.transferredTag")}
              </Tag>
            ) : (
              <CallStatusTag
                data-testid="live-call-status"
                status={call.status}
                label={t(`calls.status.${call.status}`)}
              />
            )
          }
          timer={
            <CallTimer
              data-testid="live-call-timer"
              since={call.answeredAt}
              durationSecs={isTransferred ? handedOffSecs(call) : isEnded ? (call.durationSecs ?? 0) : null}
            />
          }
          actions={buttons}
          footer={
            isTransferred ? (
              <Typography.Text type="secondary" data-testid="live-call-transferred">
                {t("calls.panel.transferred", { to: formatTransferTarget(call.transferredTo) })}
              </Typography.Text>
            ) : isEnded ? (
              <Typography.Text type="secondary" data-testid="live-call-ended">
                {t("calls.panel.ended", { duration: formatDuration(call.durationSecs) })} ·{" "}
                {cost ? t("calls.panel.endedCost", { cost }) : t("calls.panel.costPending")}
              </Typography.Text>
            ) : (
              <div>{flags}</div>
            )
          }
        />
        {isTransferring ? (
          <Suspense fallback={null}>
            <TransferModal callId={call.id} isOpen onClose={() => setIsTransferring(false)} onTransferred={keepEnded} />
          </Suspense>
        ) : null}
      </section>
    </>
  );
}
