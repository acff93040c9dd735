import { App, Form, Input, Modal } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session-context";
import { translateError, translateFieldErrors } from "../lib/app-error";
import { trpc } from "../lib/trpc";

interface ProfileValues {
  name: string;
  agentDevice: string;
}

/** Name and the agent's own device (phone or SIP address), which click-to-call rings first. */
export function ProfileModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProfileValues>();
  const update = trpc.auth.updateProfile.useMutation({
    onSuccess: (me) => {
      queryClient.setQueryData(getQueryKey(trpc.auth.me, undefined, "query"), me);
      void message.success(t("profile.saved"));
      onClose();
    },
    onError: (error) => {
      const fields = Object.entries(translateFieldErrors(t, error));
      if (fields.length > 0)
        form.setFields(fields.map(([name, errors]) => ({ name: name as keyof ProfileValues, errors })));
      else void message.error(translateError(t, error));
    },
  });

  return (
    <Modal
      open={open}
      title={t("profile.title")}
      okText={t("profile.save")}
      cancelText={t("common.cancel")}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ProfileValues>
        form={form}
        layout="vertical"
        initialValues={{ name: user.name, agentDevice: user.agentDevice ?? "" }}
        onFinish={(values) => update.mutate({ name: values.name, agentDevice: values.agentDevice })}
      >
        <Form.Item
          name="name"
          label={t("profile.name")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Input id="profile-name" />
        </Form.Item>
        <Form.Item name="agentDevice" label={t("profile.agentDevice")} extra={t("profile.agentDeviceHelp")}>
          <Input id="profile-agentDevice" data-testid="profile-agent-device" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
