import type { Db } from "@app/db/open-db";
import { resolveKioskToken } from "@app/telnyx-core/wallboard/kiosk-links";

export const KIOSK_HEADER = "x-kiosk-token";

/** A wallboard kiosk: read-only access to one organization's wallboard (snapshot + live events). */
export interface KioskCaller {
  kioskId: string;
  organizationId: string;
}

export async function resolveKiosk(db: Db, token: string | string[] | undefined): Promise<KioskCaller | null> {
  const value = Array.isArray(token) ? token[0] : token;
  if (!value) return null;
  return resolveKioskToken(db, value);
}
