import { lazy, Suspense } from "react";
import { useLiveCall } from "./use-live-call";

// The card (buttons, tags, phone formatting with its metadata) loads with the agent's first call, not with every page.
const LiveCallView = lazy(async () => ({ default: (await import("./live-call-view")).LiveCallView }));

/** Floating card for the agent's own call, on every page. */
export function LiveCallPanel() {
  const { call, isEnded, isTransferred, keepEnded } = useLiveCall();
  if (!call) return null;
  return (
    <Suspense fallback={null}>
      <LiveCallView call={call} isEnded={isEnded} isTransferred={isTransferred} keepEnded={keepEnded} />
    </Suspense>
  );
}
