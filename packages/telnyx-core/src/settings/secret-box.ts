/**
 * Secrets at rest (an organization's Telnyx keys): AES-256-GCM under APP_ENCRYPTION_KEY.
 * Sealed format `v1:<iv>:<tag>:<ciphertext>` (each part base64) — the version prefix lets a later
 * key rotation or algorithm change read old values. A 12-byte IV is drawn per seal. The `context`
 * (organization id + setting key) is bound as additional authenticated data, so a sealed value
 * copied to another organization's row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors/app-error";

export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** Throws AppError when the value was sealed under another key or tampered with. */
  open(sealed: string, context: string): string;
}

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";

export const MISSING_ENCRYPTION_KEY_MESSAGE =
  "Saving an organization's own Telnyx key needs APP_ENCRYPTION_KEY on the server (32 random bytes, base64: `openssl rand -base64 32`). Set it and restart, or configure TELNYX_API_KEY for the whole deployment.";

export function createSecretBox(keyBase64: string): SecretBox {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32)
    throw new Error("APP_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        VERSION,
        iv.toString("base64"),
        cipher.getAuthTag().toString("base64"),
        ciphertext.toString("base64"),
      ].join(":");
    },
    open(sealed, context) {
      const [version, iv, tag, ciphertext] = sealed.split(":");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
        throw new AppError(
          "UNAVAILABLE",
          "A stored secret is in an unknown format — save the organization's Telnyx key again in Settings.",
        );
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
      } catch (error) {
        throw new AppError(
          "UNAVAILABLE",
          "The organization's stored Telnyx key cannot be decrypted: APP_ENCRYPTION_KEY changed since it was saved. Restore the previous key, or save the Telnyx key again in Settings.",
          { cause: error },
        );
      }
    },
  };
}

/** The box for an optional APP_ENCRYPTION_KEY: null when unset (organization keys then cannot be saved). */
export function secretBoxFromEnv(keyBase64: string | undefined): SecretBox | null {
  return keyBase64 ? createSecretBox(keyBase64) : null;
}
