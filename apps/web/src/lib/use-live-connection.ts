import { useEffect, useSyncExternalStore } from "react";
import type { LiveSnapshot } from "./live-state";
import { closeLiveConnection, getLiveSnapshot, openLiveConnection, subscribeLive } from "./socket";

/** Opens the live connection while the calling component is mounted and returns its state. */
export function useLiveConnection(): LiveSnapshot {
  useEffect(() => {
    openLiveConnection();
    return closeLiveConnection;
  }, []);
  return useSyncExternalStore(subscribeLive, getLiveSnapshot);
}
