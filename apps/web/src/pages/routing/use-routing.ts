import type { TQueue } from "@app/telnyx-core/routing/routing-schemas";
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
