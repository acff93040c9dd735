import { useEffect, useRef } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { isLiveCallStatus } from "@app/telnyx-core/calls/call-state";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { getQueryKey } from "@trpc/react-query";
import { trpc } from "../../lib/trpc";
import { onLiveConnect, onLiveEvent, preloadLiveEventSchemas } from "../../live/live-events";
import { mergeQueue } from "./queue-tiles";
import type { Snapshot } from "./wallboard-counters";
import { setSuperviseRole } from "./supervise-store";
import {
  applyDeltaToSnapshot,
  applyLiveUpdate,
  mergeAgentIntoSnapshot,
  mergeCallIntoSnapshot,
  type SnapshotShape,
} from "./wallboard-merge";

// Missed calls, the SLA and SMS delivery are not in stats:delta: one refetch shortly after a call
// ends or an SMS settles (several events in a burst give one request).
const SETTLE_REFETCH_MS = 1_500;

function updateSnapshot(queryClient: QueryClient, update: (snapshot: SnapshotShape) => SnapshotShape): void {
  queryClient.setQueriesData<SnapshotShape>({ queryKey: getQueryKey(trpc.wallboard.snapshot) }, (snapshot) =>
    snapshot ? applyLiveUpdate(snapshot, update, new Date()) : snapshot,
  );
}

/** Keeps the cached wallboard.snapshot live: calls, agents and counters in place; catch-up on every (re)connection. */
export function useWallboardLive(): void {
  const queryClient = useQueryClient();
  const settleTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    // The board exists to show live events: its first one should not wait for the validators to load.
    preloadLiveEventSchemas();
    const refetchSoon = () => {
      window.clearTimeout(settleTimer.current);
      settleTimer.current = window.setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.wallboard.snapshot) }),
        SETTLE_REFETCH_MS,
      );
    };
    const applyCall = (call: TCallDto) => {
      updateSnapshot(queryClient, (snapshot) => mergeCallIntoSnapshot(snapshot, call));
      if (!isLiveCallStatus(call.status)) {
        setSuperviseRole(call.id, null);
        refetchSoon();
      }
    };
    const unsubscribes = [
      onLiveEvent("call:created", applyCall),
      onLiveEvent("call:updated", applyCall),
      onLiveEvent("agent:updated", (agent) =>
        updateSnapshot(queryClient, (snapshot) => mergeAgentIntoSnapshot(snapshot, agent)),
      ),
      onLiveEvent("queue:updated", (queue) =>
        queryClient.setQueriesData<Snapshot>({ queryKey: getQueryKey(trpc.wallboard.snapshot) }, (snapshot) =>
          snapshot
            ? applyLiveUpdate(
                snapshot,
                (current) => ({ ...current, queues: mergeQueue(current.queues, queue) }),
                new Date(),
              )
            : snapshot,
        ),
      ),
      onLiveEvent("stats:delta", (delta) =>
        updateSnapshot(queryClient, (snapshot) => applyDeltaToSnapshot(snapshot, delta)),
      ),
      onLiveEvent("message:updated", (message) => {
        if (message.direction === "OUTBOUND" && message.completedAt) refetchSoon();
      }),
      onLiveConnect(() => void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.wallboard.snapshot) })),
    ];
    return () => {
      window.clearTimeout(settleTimer.current);
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [queryClient]);
}
