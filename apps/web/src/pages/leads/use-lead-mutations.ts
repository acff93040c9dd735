import { trpc } from "../../lib/trpc";

/** Create, update and delete; each resolves once the list shows the change. */
export function useLeadMutations() {
  const utils = trpc.useUtils();
  const refreshList = () => utils.leads.list.invalidate();
  const create = trpc.leads.create.useMutation({ onSuccess: refreshList });
  const update = trpc.leads.update.useMutation({
    onSuccess: (lead) => {
      utils.leads.get.setData({ id: lead.id }, lead);
      return refreshList();
    },
  });
  const remove = trpc.leads.delete.useMutation({ onSuccess: refreshList });
  return { create, update, remove };
}
