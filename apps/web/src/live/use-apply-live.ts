import { useQueryClient } from "@tanstack/react-query";
import type { TCallDto, TMessageDto } from "@app/telnyx-core/realtime/events";
import type { TCallback } from "@app/telnyx-core/routing/routing-schemas";
import { applyCall, applyCallback, applyMessage } from "./apply-live-event";
import { useViewer } from "./use-viewer";

/** Puts a mutation's result into the caches at once, by the same rules as live events. */
export function useApplyLive() {
  const queryClient = useQueryClient();
  const viewer = useViewer();
  return {
    applyCall: (call: TCallDto) => applyCall(queryClient, call, viewer),
    applyMessage: (message: TMessageDto) => applyMessage(queryClient, message),
    applyCallback: (callback: TCallback) => applyCallback(queryClient, callback, viewer),
  };
}
