import { useEffect, useRef, useState } from "react";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { isLiveCallStatus } from "@app/telnyx-core/calls/call-state";
import { trpc } from "../lib/trpc";
import { isSameOrNewer } from "../live/cache-merge";
import { onLiveEvent } from "../live/live-events";
import { useViewer } from "../live/use-viewer";

/** The viewer handed this call off (a transfer completed): not their call in progress any more. */
export function isHandedOffBy(call: TCallDto, userId: string): boolean {
  return call.transferredAt !== null && call.transferredFromUserId === userId;
}

/** How long the ended call (duration, cost) stays on screen. */
export const ENDED_DISPLAY_MS = 12_000;

/**
 * The signed-in user's own call in progress (calls.active, kept live by the live layer), and once
 * it ends, its final state for a few seconds: the cost usually arrives just after the hangup. A call the user
 * transferred leaves them at once (it may stay live with the customer): shown as "Transferred to …" the same way.
 */
export function useLiveCall() {
  const { userId } = useViewer();
  const active = trpc.calls.active.useQuery(undefined, { staleTime: 60_000 });
  const current =
    (active.data ?? []).find(
      (call) => call.userId === userId && isLiveCallStatus(call.status) && !isHandedOffBy(call, userId),
    ) ?? null;
  const [ended, setEnded] = useState<TCallDto | null>(null);
  const shownId = useRef<string | null>(null);
  if (current) shownId.current = current.id;

  const keepEnded = (call: TCallDto) => {
    if (call.id !== shownId.current || (isLiveCallStatus(call.status) && !isHandedOffBy(call, userId))) return;
    setEnded((previous) => (previous && previous.id === call.id && !isSameOrNewer(call, previous) ? previous : call));
  };

  useEffect(() => onLiveEvent("call:updated", keepEnded), []);

  useEffect(() => {
    if (!ended) return;
    const timer = window.setTimeout(() => setEnded(null), ENDED_DISPLAY_MS);
    return () => window.clearTimeout(timer);
  }, [ended?.id]);

  const endedCall = ended && ended.id !== current?.id ? ended : null;
  const isTransferred = !current && endedCall !== null && isHandedOffBy(endedCall, userId);
  return { call: current ?? endedCall, isEnded: !current && endedCall !== null, isTransferred, keepEnded };
}
