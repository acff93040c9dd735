import { AppError } from "@app/telnyx-core/errors/app-error";
import type { Sandbox } from "@app/telnyx-sandbox/server";

/**
 * The webhook public key of the sandbox account an API key belongs to, read from the sandbox's control API: the
 * sandbox's stand-in for Telnyx's portal page (Keys & credentials → Public Key), which no Telnyx endpoint exposes.
 */
export async function readSandboxAccountPublicKey(sandbox: Pick<Sandbox, "origin">, apiKey: string): Promise<string> {
  try {
    const response = await fetch(`${sandbox.origin}/sandbox/public-key`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { public_key?: unknown };
    if (response.ok && typeof body.public_key === "string") return body.public_key;
  } catch {
    // answered below
  }
  throw new AppError(
    "TELNYX_UNAVAILABLE",
    "The Telnyx sandbox did not tell which account this API key belongs to. Try again.",
  );
}
