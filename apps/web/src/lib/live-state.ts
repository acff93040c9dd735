import type { LiveState } from "@app/ui/live-indicator";

export type OfflineReason = "network" | "unauthorized" | "failed";

export interface LiveSnapshot {
  state: LiveState;
  /** connecting = first attempt; retrying = lost and trying again. */
  phase: "idle" | "connecting" | "open" | "retrying" | "closed";
  connectedAt?: Date;
  attempt: number;
  offlineReason?: OfflineReason;
  isNetworkDown: boolean;
}

export type LiveEvent =
  | { type: "start" }
  | { type: "connect"; at: Date }
  | { type: "disconnect"; reason: string }
  | { type: "connect_error"; message: string; willRetry: boolean }
  | { type: "reconnect_attempt"; attempt: number }
  | { type: "reconnect_failed" }
  | { type: "network"; isOnline: boolean };

export const initialLiveSnapshot: LiveSnapshot = {
  state: "reconnecting",
  phase: "idle",
  attempt: 0,
  isNetworkDown: false,
};

function derive(snapshot: Omit<LiveSnapshot, "state">): LiveSnapshot {
  if (snapshot.isNetworkDown) return { ...snapshot, state: "offline", offlineReason: "network" };
  switch (snapshot.phase) {
    case "open":
      return { ...snapshot, state: "connected", offlineReason: undefined };
    case "idle":
    case "connecting":
    case "retrying":
      return { ...snapshot, state: "reconnecting", offlineReason: undefined };
    case "closed":
      return { ...snapshot, state: "offline", offlineReason: snapshot.offlineReason ?? "failed" };
  }
}

/** socket.io lifecycle events → the three states the header shows. Pure, so it is tested without a server. */
export function reduceLive(current: LiveSnapshot, event: LiveEvent): LiveSnapshot {
  const { state: _state, ...rest } = current;
  switch (event.type) {
    case "start":
      return derive({ ...rest, phase: "connecting", attempt: 0, offlineReason: undefined });
    case "connect":
      return derive({ ...rest, phase: "open", connectedAt: event.at, attempt: 0, offlineReason: undefined });
    case "disconnect":
      if (event.reason === "io client disconnect") return derive({ ...rest, phase: "closed", offlineReason: "failed" });
      // "io server disconnect" (shutdown, revoked session) included: the socket module reconnects by hand.
      return derive({ ...rest, phase: "retrying" });
    case "connect_error":
      if (event.willRetry) return derive({ ...rest, phase: current.phase === "open" ? "retrying" : current.phase });
      return derive({
        ...rest,
        phase: "closed",
        offlineReason: event.message === "UNAUTHORIZED" ? "unauthorized" : "failed",
      });
    case "reconnect_attempt":
      return derive({ ...rest, phase: "retrying", attempt: event.attempt });
    case "reconnect_failed":
      return derive({ ...rest, phase: "closed", offlineReason: "failed" });
    case "network":
      return derive({ ...rest, isNetworkDown: !event.isOnline });
  }
}
