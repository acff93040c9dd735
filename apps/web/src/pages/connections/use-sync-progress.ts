import { useEffect, useRef, useState } from "react";
import type { TSyncEvent } from "@app/telnyx-core/realtime/events";
import { onLiveEvent } from "../../live/live-events";
import { trpc } from "../../lib/trpc";
import { isFinishedSyncStatus } from "./connection-values";

/**
 * The latest sync:progress of each run, pushed by the server to the organization. When a run ends,
 * the runs list (and the connections whose checks it may have changed) are read again.
 */
export function useSyncProgress(): Map<string, TSyncEvent> {
  const utils = trpc.useUtils();
  const utilsRef = useRef(utils);
  utilsRef.current = utils;
  const [progress, setProgress] = useState<Map<string, TSyncEvent>>(() => new Map());

  useEffect(() => {
    return onLiveEvent("sync:progress", (event) => {
      setProgress((current) => new Map(current).set(event.id, event));
      if (isFinishedSyncStatus(event.status)) {
        void utilsRef.current.sync.runs.invalidate();
        void utilsRef.current.connections.list.invalidate();
      }
    });
  }, []);
  return progress;
}
