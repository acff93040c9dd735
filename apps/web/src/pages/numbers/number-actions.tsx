import { DeleteOutlined } from "@ant-design/icons";
import { formatPhoneNumberInternational } from "@app/ui/phone-number";
import { App, Button, Popconfirm, Tooltip, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { canRelease, type PhoneNumber } from "./number-values";
import { useNumberMutations } from "./use-number-mutations";

export function NumberActions({ number }: { number: PhoneNumber }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { release } = useNumberMutations();
  if (!canRelease(number)) return null;

  async function handleRelease() {
    try {
      await release.mutateAsync({ id: number.id });
      void message.success(t("numbers.released"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Popconfirm
      title={t("numbers.releaseConfirm.title", { number: formatPhoneNumberInternational(number.phoneNumber) })}
      description={t("numbers.releaseConfirm.description")}
      okText={t("numbers.releaseConfirm.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={
        { danger: true, loading: release.isPending, "data-testid": "number-release-confirm" } as ButtonProps
      }
      onConfirm={handleRelease}
    >
      <Tooltip title={t("numbers.release")}>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t("numbers.release")}
          data-testid="number-release"
        />
      </Tooltip>
    </Popconfirm>
  );
}
