/**
 * How the API reaches Telnyx: the built-in sandbox when TELNYX_API_KEY is unset, real Telnyx
 * otherwise — chosen by env vars alone. Holds the gateway and the public keys webhooks are
 * verified with.
 */
import { createTelnyxGateway, type TelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";
import { AppError } from "@app/telnyx-core/errors/app-error";
import type { Sandbox } from "@app/telnyx-sandbox/server";
import { SANDBOX_API_KEY } from "./embedded-sandbox";

export interface TelnyxAccess {
  mode: "sandbox" | "live";
  /** The gateway an organization's actions go through. */
  gatewayFor(organizationId: string): Promise<TelnyxGateway>;
  /** Ed25519 public keys (base64) accepted on incoming webhooks. */
  webhookPublicKeys(): string[];
  sandbox?: Sandbox;
}

export function createSandboxAccess(sandbox: Sandbox): TelnyxAccess {
  const gateway = createTelnyxGateway({ apiKey: SANDBOX_API_KEY, baseURL: sandbox.baseUrl, timeoutMs: 10_000 });
  return {
    mode: "sandbox",
    gatewayFor: async () => gateway,
    webhookPublicKeys: () => [sandbox.publicKey],
    sandbox,
  };
}

export function createLiveAccess(config: { apiKey: string; publicKey?: string; baseURL?: string }): TelnyxAccess {
  const gateway = createTelnyxGateway({ apiKey: config.apiKey, baseURL: config.baseURL });
  return {
    mode: "live",
    gatewayFor: async () => gateway,
    webhookPublicKeys: () => (config.publicKey ? [config.publicKey] : []),
  };
}

/** For deployments and tests that run without any Telnyx at all. */
export function createUnconfiguredAccess(): TelnyxAccess {
  return {
    mode: "live",
    gatewayFor: async () => {
      throw new AppError("TELNYX_AUTH", "Telnyx is not configured: set TELNYX_API_KEY (or leave it unset to use the built-in sandbox).");
    },
    webhookPublicKeys: () => [],
  };
}
