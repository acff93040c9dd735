import { useEffect, useRef, useState } from "react";
import { ZSyncEventSchema, type TSyncEvent } from "@app/telnyx-core/realtime/events";
import type { Socket } from "socket.io-client";
import { getSocket } from "../../lib/socket";
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
    // The socket's typed map lives with the live layer; this page listens to one event and validates it itself.
    const socket = getSocket() as unknown as Socket;
    const listener = (payload: unknown) => {
      const parsed = ZSyncEventSchema.safeParse(payload);
      if (!parsed.success) return;
      const event = parsed.data;
      setProgress((current) => new Map(current).set(event.id, event));
      if (isFinishedSyncStatus(event.status)) {
        void utilsRef.current.sync.runs.invalidate();
        void utilsRef.current.connections.list.invalidate();
      }
    };
    socket.on("sync:progress", listener);
    return () => {
      socket.off("sync:progress", listener);
    };
  }, []);
  return progress;
}
