import { useEffect, useRef } from "react";
import type { TNumberEvent } from "@app/telnyx-core/realtime/events";
import { trpc } from "../../lib/trpc";
import { onLiveEvent } from "../../live/live-events";
import { mergeNumber } from "./number-values";

/** Calls `onEvent` for every valid number:updated pushed to the organization (malformed payloads are dropped). */
export function useNumberEvents(onEvent: (event: TNumberEvent) => void): void {
  const handlerRef = useRef(onEvent);
  handlerRef.current = onEvent;
  useEffect(() => onLiveEvent("number:updated", (event) => handlerRef.current(event)), []);
}

/**
 * Keeps the cache fresh when the server says a number changed: the event carries only the status,
 * so the number is read once and merged into the list in place (no full refetch).
 */
export function useNumbersLiveRefresh(): void {
  const utils = trpc.useUtils();
  useNumberEvents((event) => {
    void refreshNumber(utils, event.id);
  });
}

type Utils = ReturnType<typeof trpc.useUtils>;

export async function refreshNumber(utils: Utils, id: string): Promise<void> {
  try {
    const fresh = await utils.client.numbers.get.query({ id });
    utils.numbers.get.setData({ id }, fresh);
    utils.numbers.list.setData(undefined, (list) => (list ? { ...list, items: mergeNumber(list.items, fresh) } : list));
  } catch {
    // Gone or not visible any more: let the list say so.
    void utils.numbers.list.invalidate();
  }
}
