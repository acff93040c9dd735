import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { applyCall, applyCallback, applyMessage, applyOptOut, catchUpAfterConnect } from "./apply-live-event";
import type { Viewer } from "./call-cache";
import { onLiveConnect, onLiveEvent } from "./live-events";
import { applyAgentUpdate, applyStatsDelta } from "./stats-cache";

/** Keeps calls and messages caches live for the signed-in user; mount once, in the layout. */
export function useLiveSync(viewer: Viewer): void {
  const queryClient = useQueryClient();
  const { userId, role } = viewer;

  useEffect(() => {
    const current: Viewer = { userId, role };
    const unsubscribes = [
      onLiveEvent("call:created", (call) => applyCall(queryClient, call, current)),
      onLiveEvent("call:updated", (call) => applyCall(queryClient, call, current)),
      onLiveEvent("call:incoming", ({ call }) => applyCall(queryClient, call, current)),
      onLiveEvent("message:created", (message) => applyMessage(queryClient, message)),
      onLiveEvent("message:updated", (message) => applyMessage(queryClient, message)),
      onLiveEvent("optout:updated", (event) => applyOptOut(queryClient, event)),
      onLiveEvent("stats:delta", (delta) => applyStatsDelta(queryClient, delta, current)),
      onLiveEvent("agent:updated", (agent) => applyAgentUpdate(queryClient, agent)),
      onLiveEvent("callback:changed", (callback) => applyCallback(queryClient, callback, current)),
      onLiveConnect(() => catchUpAfterConnect(queryClient, Date.now())),
    ];
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [queryClient, userId, role]);
}
