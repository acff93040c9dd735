import type { TIvrMenu, TQueue } from "@app/telnyx-core/routing/routing-schemas";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc";

/** Queue mutations; each writes what it gets back into the cached list (no refetch of the whole page). */
export function useQueueMutations() {
  const utils = trpc.useUtils();
  const store = (queue: TQueue) =>
    utils.routing.queues.list.setData(undefined, (list) => {
      if (!list) return list;
      const isKnown = list.some((item) => item.id === queue.id);
      const next = isKnown ? list.map((item) => (item.id === queue.id ? queue : item)) : [...list, queue];
      return next.sort((a, b) => a.name.localeCompare(b.name));
    });
  const create = trpc.routing.queues.create.useMutation({ onSuccess: store });
  const update = trpc.routing.queues.update.useMutation({ onSuccess: store });
  const remove = trpc.routing.queues.delete.useMutation({
    onSuccess: (_, { id }) => {
      utils.routing.queues.list.setData(undefined, (list) => list?.filter((item) => item.id !== id));
      // A number routed to the queue would have refused the delete; the routes are read again anyway.
      void utils.routing.numbers.list.invalidate();
    },
  });
  return { create, update, remove };
}

/** The organization's members with presence, for pickers (supervisors and admins). */
export function useAgentChoices() {
  const agents = trpc.agents.list.useQuery(undefined, { staleTime: 60_000 });
  const options = (agents.data ?? []).map((agent) => ({ value: agent.userId, label: agent.name }));
  const nameOf = (userId: string) => options.find((option) => option.value === userId)?.label ?? "…";
  return { options, nameOf, isLoading: agents.isPending };
}

/** IVR menu mutations; each writes what it gets back into the cached list. */
export function useIvrMutations() {
  const utils = trpc.useUtils();
  const store = (menu: TIvrMenu) =>
    utils.routing.ivr.list.setData(undefined, (list) => {
      if (!list) return list;
      const isKnown = list.some((item) => item.id === menu.id);
      const next = isKnown ? list.map((item) => (item.id === menu.id ? menu : item)) : [...list, menu];
      return next.sort((a, b) => a.name.localeCompare(b.name));
    });
  const create = trpc.routing.ivr.create.useMutation({ onSuccess: store });
  const update = trpc.routing.ivr.update.useMutation({ onSuccess: store });
  const remove = trpc.routing.ivr.delete.useMutation({
    onSuccess: (_, { id }) =>
      utils.routing.ivr.list.setData(undefined, (list) => list?.filter((item) => item.id !== id)),
  });
  return { create, update, remove };
}

/** Choices for where a menu's key goes (voicemail, queues, other menus) and the label of a chosen one. */
export function useIvrTargetChoices(exceptMenuId: string | null) {
  const { t } = useTranslation();
  const queues = trpc.routing.queues.list.useQuery(undefined);
  const menus = trpc.routing.ivr.list.useQuery(undefined);
  const options = [
    { value: "voicemail", label: t("routing.ivr.targets.voicemail") },
    {
      label: t("routing.ivr.targets.queueGroup"),
      options: (queues.data ?? []).map((queue) => ({
        value: `queue:${queue.id}`,
        label: t("routing.ivr.targets.queue", { name: queue.name }),
      })),
    },
    // No agents: the engine does not ring one agent from a menu yet (manage-ivr.ts refuses it); a queue does.
    {
      label: t("routing.ivr.targets.menuGroup"),
      options: (menus.data ?? [])
        .filter((menu) => menu.id !== exceptMenuId)
        .map((menu) => ({ value: `menu:${menu.id}`, label: t("routing.ivr.targets.menu", { name: menu.name }) })),
    },
  ];
  const flat = [
    options[0],
    ...options.slice(1).flatMap((group) => ("options" in group ? group.options : [])),
  ] as Array<{ value: string; label: string }>;
  const labelOf = (value: string) =>
    flat.find((option) => option.value === value)?.label ?? t("routing.ivr.targets.unknown");
  return { options, labelOf, isLoading: queues.isPending || menus.isPending };
}
