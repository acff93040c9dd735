/** tRPC client of a kiosk screen: no session, the kiosk token in `x-kiosk-token` (accepted for wallboard.snapshot only). */
import { httpBatchLink } from "@trpc/client";
import { MAX_TRPC_BATCH_SIZE, MAX_TRPC_URL_LENGTH } from "@app/telnyx-core/api/batch-limits";
import superjson from "superjson";
import { env } from "../../env";
import { getSocket } from "../../lib/socket";
import { trpc } from "../../lib/trpc";

export function createKioskTrpcClient(token: string) {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: env.trpcUrl,
        transformer: superjson,
        maxURLLength: MAX_TRPC_URL_LENGTH,
        maxItems: MAX_TRPC_BATCH_SIZE,
        headers: () => ({ "x-kiosk-token": token }),
      }),
    ],
  });
}

/** The tab's socket authenticates with the kiosk token on its next handshake (and every reconnection). */
export function setKioskSocketAuth(token: string | null): void {
  getSocket().auth = token ? { kiosk: token } : {};
}
