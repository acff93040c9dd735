import { useLiveSync } from "../live/use-live-sync";
import { useViewer } from "../live/use-viewer";
import { LiveCallPanel } from "./live-call-panel";
import { useInboundSmsToasts } from "./use-inbound-sms-toasts";
import { useIncomingCallToasts } from "./use-incoming-call-toasts";

/** Mounted once in the signed-in layout: live caches, the live-call panel and the incoming toasts. */
export function LiveLayer() {
  useLiveSync(useViewer());
  useIncomingCallToasts();
  useInboundSmsToasts();
  return <LiveCallPanel />;
}
