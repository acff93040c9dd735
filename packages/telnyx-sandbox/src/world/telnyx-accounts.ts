import { randomBytes, randomUUID } from "node:crypto";
import { generateSandboxKeyPair, WebhookSigner } from "../webhooks/signer.js";

/** A Telnyx account: its API keys and the Ed25519 key pair that signs its webhooks (one per account at Telnyx). */
export interface TelnyxAccount {
  id: string;
  signer: WebhookSigner;
}

/** The shape of a real Telnyx API v2 key: "KEY" then 55 characters of [0-9A-Za-z_-]. */
const TELNYX_KEY_SHAPE = /^KEY[0-9A-Za-z_-]{55}$/;

interface AccountRegistryOptions {
  /** Signs for the default account (the persisted key pair, so existing installs keep their public key). */
  defaultSigner: WebhookSigner;
  /** When set, the only key of the default account; any other key is refused unless an account was created for it. */
  apiKey: string | undefined;
}

/**
 * Accounts behind the sandbox. The default account owns whatever is seeded in-process and every key that does not
 * look like a real Telnyx key (the short keys tests and the embedded mode have always used). A key shaped like a real
 * one gets its own account, created on first use, as a different customer's key would at Telnyx.
 */
export class AccountRegistry {
  readonly defaultAccount: TelnyxAccount;
  private readonly byKey = new Map<string, TelnyxAccount>();

  constructor(private readonly options: AccountRegistryOptions) {
    this.defaultAccount = { id: "sandbox-default-account", signer: options.defaultSigner };
  }

  /** The account a Bearer key belongs to; null when the key is refused (answered with Telnyx's 401). */
  resolve(apiKey: string): TelnyxAccount | null {
    if (!apiKey) return null;
    const known = this.byKey.get(apiKey);
    if (known) return known;
    const restricted = this.options.apiKey !== undefined && this.options.apiKey !== "";
    if (restricted) return apiKey === this.options.apiKey ? this.defaultAccount : null;
    if (!TELNYX_KEY_SHAPE.test(apiKey)) return this.defaultAccount;
    return this.create(apiKey);
  }

  /** A new account with a fresh signing key pair and one API key (the given one, or a generated real-shaped key). */
  create(apiKey: string = generateApiKey()): TelnyxAccount & { apiKey: string } {
    const account: TelnyxAccount = { id: randomUUID(), signer: new WebhookSigner(generateSandboxKeyPair()) };
    this.byKey.set(apiKey, account);
    return { ...account, apiKey };
  }
}

function generateApiKey(): string {
  return `KEY${randomBytes(48).toString("base64url").slice(0, 55)}`;
}
