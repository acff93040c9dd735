import { AudioOutlined, CustomerServiceOutlined, SoundOutlined, StopOutlined } from "@ant-design/icons";
import { App, Button, Flex, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { setSuperviseRole, useSuperviseRole, type SuperviseRole } from "./supervise-store";

const ROLES: { role: SuperviseRole; icon: React.ReactNode }[] = [
  { role: "monitor", icon: <CustomerServiceOutlined /> },
  { role: "whisper", icon: <AudioOutlined /> },
  { role: "barge", icon: <SoundOutlined /> },
];

/** Listen / Whisper / Barge into a live call (supervisor's device joins its conference), and Stop. */
export function SuperviseButtons({ callId, size = "middle" }: { callId: string; size?: "small" | "middle" | "large" }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = useSuperviseRole(callId);
  const onError = (error: unknown) =>
    void message.error(`${t("wallboard.supervise.failed")} ${translateError(t, error)}`);
  const supervise = trpc.calls.supervise.useMutation({
    onSuccess: (_call, input) => setSuperviseRole(callId, input.role),
    onError,
  });
  const stop = trpc.calls.stopSupervising.useMutation({ onSuccess: () => setSuperviseRole(callId, null), onError });
  const isBusy = supervise.isPending || stop.isPending;

  return (
    <Flex gap={6} wrap align="center" data-testid="supervise-controls" data-role={current ?? "none"}>
      {ROLES.map(({ role, icon }) => (
        <Button
          key={role}
          size={size}
          icon={icon}
          type={current === role ? "primary" : "default"}
          aria-pressed={current === role}
          data-testid={`supervise-${role}`}
          data-active={current === role}
          disabled={isBusy || current === role}
          loading={supervise.isPending && supervise.variables?.role === role}
          onClick={() => supervise.mutate({ id: callId, role })}
        >
          {t(`wallboard.supervise.${role}`)}
        </Button>
      ))}
      {current ? (
        <>
          <Button
            size={size}
            danger
            icon={<StopOutlined />}
            data-testid="supervise-stop"
            loading={stop.isPending}
            disabled={isBusy}
            onClick={() => stop.mutate({ id: callId })}
          >
            {t("wallboard.supervise.stop")}
          </Button>
          <Tag color="purple" data-testid="supervise-role" data-role={current}>
            {t(`wallboard.supervise.role.${current}`)}
          </Tag>
        </>
      ) : null}
    </Flex>
  );
}
