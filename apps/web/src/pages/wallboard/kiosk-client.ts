/** tRPC client of a kiosk screen: no session, the kiosk token in `x-kiosk-token` (accepted for wallboard.snapshot only). */
import { BATCH_FRAMES_AUTH } from "@app/telnyx-core/realtime/frames";
import { getSocket } from "../../lib/socket";
import { apiBatchLink, trpc } from "../../lib/trpc";

export function createKioskTrpcClient(token: string) {
  return trpc.createClient({
    links: [apiBatchLink({ headers: () => ({ "x-kiosk-token": token }) })],
  });
}

/** The tab's socket authenticates with the kiosk token on its next handshake (and every reconnection). */
export function setKioskSocketAuth(token: string | null): void {
  getSocket().auth = token ? { ...BATCH_FRAMES_AUTH, kiosk: token } : { ...BATCH_FRAMES_AUTH };
}
