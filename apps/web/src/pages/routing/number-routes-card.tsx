import type { TQueue } from "@app/telnyx-core/routing/routing-schemas";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { App, Card, Select, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { ResponsiveTable } from "../../lib/responsive-table";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { routeTargetToValue, valueToRouteTarget } from "./routing-values";
import { useAgentChoices } from "./use-routing";

type NumberRoute = RouterOutputs["routing"]["numbers"]["list"][number];

/** Call routing → per number: default, voicemail, a queue, an IVR menu or an agent. */
export function NumberRoutesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const utils = trpc.useUtils();
  const routes = trpc.routing.numbers.list.useQuery(undefined);
  const queues = trpc.routing.queues.list.useQuery(undefined);
  const menus = trpc.routing.ivr.list.useQuery(undefined);
  const agents = useAgentChoices();
  const setRoute = trpc.routing.numbers.setRoute.useMutation({
    onSuccess: (saved) =>
      utils.routing.numbers.list.setData(undefined, (list) =>
        list?.map((route) => (route.phoneNumberId === saved.phoneNumberId ? saved : route)),
      ),
  });

  async function handleChange(route: NumberRoute, value: string) {
    try {
      await setRoute.mutateAsync({ phoneNumberId: route.phoneNumberId, target: valueToRouteTarget(value) });
      void message.success(t("routing.numbers.saved"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  const options = [
    { value: "default", label: t("routing.numbers.targets.default") },
    { value: "voicemail", label: t("routing.numbers.targets.voicemail") },
    {
      label: t("routing.numbers.targets.queueGroup"),
      options: (queues.data ?? []).map((queue: TQueue) => ({
        value: `queue:${queue.id}`,
        label: t("routing.numbers.queueOption", { name: queue.name }),
      })),
    },
    {
      label: t("routing.numbers.targets.ivrGroup"),
      options: (menus.data ?? []).map((menu) => ({
        value: `ivr:${menu.id}`,
        label: t("routing.numbers.ivrOption", { name: menu.name }),
      })),
    },
    {
      label: t("routing.numbers.targets.agentGroup"),
      options: agents.options.map((agent) => ({
        value: `agent:${agent.value}`,
        label: t("routing.numbers.agentOption", { name: agent.label }),
      })),
    },
  ];

  const columns: TableColumnsType<NumberRoute> = [
    {
      key: "number",
      title: t("routing.numbers.columns.number"),
      render: (_, route) => <PhoneNumberDisplay value={route.phoneNumber} />,
    },
    {
      key: "route",
      title: t("routing.numbers.columns.route"),
      render: (_, route) => {
        const isPending = setRoute.isPending && setRoute.variables?.phoneNumberId === route.phoneNumberId;
        return (
          <Select<string>
            data-testid="number-route"
            data-number={route.phoneNumber}
            aria-label={t("routing.numbers.columns.route")}
            value={routeTargetToValue(route.target)}
            options={options}
            showSearch={{ optionFilterProp: "label" }}
            loading={isPending || queues.isPending}
            disabled={isPending}
            onChange={(value) => void handleChange(route, value)}
            style={{ width: "100%", minWidth: 220 }}
            popupMatchSelectWidth={false}
          />
        );
      },
    },
  ];

  return (
    <Card title={t("routing.numbers.title")} data-testid="routing-numbers">
      <Typography.Paragraph type="secondary">{t("routing.numbers.description")}</Typography.Paragraph>
      <ResponsiveTable<NumberRoute>
        data-testid="number-routes-table"
        rowKey="phoneNumberId"
        size="small"
        columns={columns}
        dataSource={routes.data ?? []}
        loading={routes.isPending}
        pagination={false}
        locale={{
          emptyText: routes.isPending
            ? " "
            : routes.error
              ? translateError(t, routes.error)
              : t("routing.numbers.empty"),
        }}
      />
    </Card>
  );
}
