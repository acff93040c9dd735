import { trpc } from "../../lib/trpc";
import { mergeNumber, type PhoneNumber } from "./number-values";

/** Purchase, release and assign; each writes the number it gets back into the cached list. */
export function useNumberMutations() {
  const utils = trpc.useUtils();
  const store = (number: PhoneNumber) => {
    utils.numbers.get.setData({ id: number.id }, number);
    utils.numbers.list.setData(undefined, (list) =>
      list ? { ...list, items: mergeNumber(list.items, number) } : list,
    );
  };
  const purchase = trpc.numbers.purchase.useMutation({ onSuccess: store });
  const release = trpc.numbers.release.useMutation({ onSuccess: store });
  const assign = trpc.numbers.assign.useMutation({ onSuccess: store });
  return { purchase, release, assign };
}
