import { trpc } from "../../lib/trpc";

export function useRateMutations() {
  const utils = trpc.useUtils();
  const refresh = () => utils.settings.get.invalidate();
  const setRate = trpc.settings.setRate.useMutation({ onSuccess: refresh });
  const deleteRate = trpc.settings.deleteRate.useMutation({ onSuccess: refresh });
  return { setRate, deleteRate };
}
