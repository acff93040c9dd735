/**
 * How the API reaches Telnyx. The deployment's account comes from env vars alone: the built-in
 * sandbox when TELNYX_API_KEY is unset, real Telnyx otherwise. On top of it, an organization that
 * saved its own key in Settings (sealed with APP_ENCRYPTION_KEY) gets a gateway on its own account
 * (`withOrganizationKeys`), and its webhook public key — only it — verifies webhooks on its own endpoint.
 */
import { createTelnyxGateway, type TelnyxGateway } from "@app/telnyx-core/gateway/telnyx-gateway";
import { DEFAULT_BASE_URL } from "@app/telnyx-core/gateway/gateway-context";
import { AppError } from "@app/telnyx-core/errors/app-error";
import type { SecretBox } from "@app/telnyx-core/settings/secret-box";
import {
  API_KEY_SETTING,
  readOrganizationKeys,
  webhookKeysOfOrganization,
} from "@app/telnyx-core/settings/telnyx-keys";
import type { TTelnyxKeySource } from "@app/telnyx-core/settings/settings-schemas";
import type { Db } from "@app/db/open-db";
import type { Sandbox } from "@app/telnyx-sandbox/server";
import { SANDBOX_API_KEY } from "./embedded-sandbox";

export interface TelnyxAccess {
  mode: "sandbox" | "live";
  /** The gateway an organization's actions go through (its own key when saved, else the deployment's). */
  gatewayFor(organizationId: string): Promise<TelnyxGateway>;
  /** The installation's Ed25519 public keys (base64): the sandbox's or TELNYX_PUBLIC_KEY. */
  installationPublicKeys(): string[];
  /** The keys that verify webhooks on an organization's endpoint (its own when it saved Telnyx keys). */
  webhookKeysFor(organizationId: string): Promise<string[]>;
  /** Whose Telnyx account an organization uses. */
  sourceFor(organizationId: string): Promise<TTelnyxKeySource>;
  /** A gateway for a key not saved yet, on the configured base URL (to verify it before saving). */
  gatewayWithKey(apiKey: string): TelnyxGateway;
  /** Drops cached gateways and reloads public keys after an organization's keys changed. */
  refresh(organizationId?: string): Promise<void>;
  sandbox?: Sandbox;
  /** The WebRTC gateway browsers register with, when not Telnyx's default (`@telnyx/webrtc`'s `host` option). */
  webrtcHost?: string;
}

const envSource = (mode: "sandbox" | "live"): TTelnyxKeySource => (mode === "sandbox" ? "sandbox" : "environment");

export function createSandboxAccess(sandbox: Sandbox, options: { apiKey?: string } = {}): TelnyxAccess {
  const gateway = createTelnyxGateway({
    apiKey: options.apiKey ?? SANDBOX_API_KEY,
    baseURL: sandbox.baseUrl,
    timeoutMs: 10_000,
  });
  return {
    mode: "sandbox",
    gatewayFor: async () => gateway,
    installationPublicKeys: () => [sandbox.publicKey],
    webhookKeysFor: async () => [sandbox.publicKey],
    sourceFor: async () => "sandbox",
    gatewayWithKey: (apiKey) => createTelnyxGateway({ apiKey, baseURL: sandbox.baseUrl, timeoutMs: 10_000 }),
    refresh: async () => undefined,
    sandbox,
  };
}

export function createLiveAccess(config: { apiKey: string; publicKey?: string; baseURL?: string }): TelnyxAccess {
  const gateway = createTelnyxGateway({ apiKey: config.apiKey, baseURL: config.baseURL });
  return {
    mode: "live",
    gatewayFor: async () => gateway,
    installationPublicKeys: () => (config.publicKey ? [config.publicKey] : []),
    webhookKeysFor: async () => (config.publicKey ? [config.publicKey] : []),
    sourceFor: async () => "environment",
    gatewayWithKey: (apiKey) => createTelnyxGateway({ apiKey, baseURL: config.baseURL }),
    refresh: async () => undefined,
  };
}

/** For deployments and tests that run without any Telnyx at all. */
export function createUnconfiguredAccess(): TelnyxAccess {
  return {
    mode: "live",
    gatewayFor: async () => {
      throw new AppError(
        "TELNYX_AUTH",
        "Telnyx is not configured: set TELNYX_API_KEY (or leave it unset to use the built-in sandbox).",
      );
    },
    installationPublicKeys: () => [],
    webhookKeysFor: async () => [],
    sourceFor: async () => "environment",
    gatewayWithKey: (apiKey) => createTelnyxGateway({ apiKey, baseURL: DEFAULT_BASE_URL }),
    refresh: async () => undefined,
  };
}

/** A key saved or cleared on another instance is picked up within this time (on this one: at once). */
const PUBLIC_KEYS_TTL_MS = 60_000;
const layered = new WeakSet<TelnyxAccess>();

/**
 * Organization keys over the deployment's access. Gateways are cached per organization and keyed
 * by the sealed value, so a key saved or cleared on another API instance is picked up at the next
 * call (one indexed read); each organization's webhook keys are cached, dropped on save and after a minute.
 */
export function withOrganizationKeys(base: TelnyxAccess, deps: { db: Db; secretBox?: SecretBox | null }): TelnyxAccess {
  if (layered.has(base)) return base;
  const gateways = new Map<string, { sealed: string; gateway: TelnyxGateway }>();
  const webhookKeys = new Map<string, { keys: Promise<string[]>; loadedAt: number }>();

  const storedKey = (organizationId: string) =>
    deps.db.prisma.setting.findUnique({
      where: { organizationId_key: { organizationId, key: API_KEY_SETTING } },
      select: { encryptedValue: true },
    });

  const access: TelnyxAccess = {
    mode: base.mode,
    sandbox: base.sandbox,
    webrtcHost: base.webrtcHost,
    async gatewayFor(organizationId) {
      const row = await storedKey(organizationId);
      if (!row?.encryptedValue) {
        gateways.delete(organizationId);
        return base.gatewayFor(organizationId);
      }
      const cached = gateways.get(organizationId);
      if (cached?.sealed === row.encryptedValue) return cached.gateway;
      const keys = await readOrganizationKeys(deps.db, deps.secretBox, organizationId);
      if (!keys) return base.gatewayFor(organizationId);
      const gateway = base.gatewayWithKey(keys.apiKey);
      gateways.set(organizationId, { sealed: row.encryptedValue, gateway });
      return gateway;
    },
    installationPublicKeys: () => base.installationPublicKeys(),
    webhookKeysFor(organizationId) {
      const cached = webhookKeys.get(organizationId);
      if (cached && Date.now() - cached.loadedAt < PUBLIC_KEYS_TTL_MS) return cached.keys;
      const keys = webhookKeysOfOrganization(deps.db, deps.secretBox, organizationId, base.installationPublicKeys());
      webhookKeys.set(organizationId, { keys, loadedAt: Date.now() });
      // A failed read is not remembered: the next webhook reads again.
      keys.catch(() => webhookKeys.delete(organizationId));
      return keys;
    },
    async sourceFor(organizationId) {
      return (await storedKey(organizationId))?.encryptedValue ? "organization" : envSource(base.mode);
    },
    gatewayWithKey: (apiKey) => base.gatewayWithKey(apiKey),
    async refresh(organizationId) {
      if (organizationId) {
        gateways.delete(organizationId);
        webhookKeys.delete(organizationId);
      } else {
        gateways.clear();
        webhookKeys.clear();
      }
    },
  };
  layered.add(access);
  return access;
}
