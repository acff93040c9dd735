import { createHash, randomBytes } from "node:crypto";

/** Opaque random token for cookies, API tokens and kiosk links. Only its sha256 is stored. */
export function generateToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
