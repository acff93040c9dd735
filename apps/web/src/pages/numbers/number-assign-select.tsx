import { App, Select } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import type { PhoneNumber } from "./number-values";
import { useNumberMutations } from "./use-number-mutations";

/** Admin's inline choice of the agent a number rings; cleared = shared by the team. */
export function NumberAssignSelect({ number }: { number: PhoneNumber }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const members = trpc.numbers.members.useQuery(undefined, { staleTime: 60_000 });
  const { assign } = useNumberMutations();
  const isPending = assign.isPending && assign.variables?.id === number.id;

  async function handleChange(userId: string | undefined) {
    try {
      const updated = await assign.mutateAsync({ id: number.id, userId: userId ?? null });
      void message.success(
        updated.assignedUserName ? t("numbers.assigned", { name: updated.assignedUserName }) : t("numbers.unassigned"),
      );
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  const options = (members.data ?? []).map((member) => ({ value: member.id, label: member.name, title: member.email }));
  // Until the members load, show the current agent by name rather than by id.
  if (number.assignedUserId && !options.some((option) => option.value === number.assignedUserId)) {
    options.push({ value: number.assignedUserId, label: number.assignedUserName ?? "…", title: "" });
  }

  return (
    <Select<string>
      data-testid="number-assign"
      aria-label={t("numbers.columns.assigned")}
      value={number.assignedUserId ?? undefined}
      placeholder={t("numbers.assignPlaceholder")}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      loading={members.isPending || isPending}
      disabled={isPending || number.status !== "ACTIVE"}
      options={options}
      onChange={(value) => void handleChange(value)}
      style={{ minWidth: 180 }}
      variant="borderless"
    />
  );
}
