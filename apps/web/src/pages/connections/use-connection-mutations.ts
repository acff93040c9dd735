import { trpc } from "../../lib/trpc";
import type { Connection } from "./connection-values";

/** Every mutation returns the item: it replaces its copy in the cached list. */
export function useConnectionMutations() {
  const utils = trpc.useUtils();
  const store = (item: Connection) =>
    utils.connections.list.setData(undefined, (list) =>
      list
        ? {
            ...list,
            items: list.items.some((i) => i.id === item.id)
              ? list.items.map((i) => (i.id === item.id ? item : i))
              : [...list.items, item],
          }
        : list,
    );
  const createApplication = trpc.connections.createApplication.useMutation({ onSuccess: store });
  const createMessagingProfile = trpc.connections.createMessagingProfile.useMutation({ onSuccess: store });
  const createCredentialConnection = trpc.connections.createCredentialConnection.useMutation({ onSuccess: store });
  const remove = trpc.connections.delete.useMutation({
    onSuccess: ({ id }) =>
      utils.connections.list.setData(undefined, (list) =>
        list ? { ...list, items: list.items.filter((i) => i.id !== id) } : list,
      ),
  });
  const update = trpc.connections.update.useMutation({ onSuccess: store });
  const fixWebhooks = trpc.connections.fixWebhooks.useMutation({ onSuccess: store });
  return { createApplication, createMessagingProfile, createCredentialConnection, remove, update, fixWebhooks };
}
