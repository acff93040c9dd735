/**
 * Shared plumbing of the Telnyx gateway: the one SDK client, error mapping around every call, and
 * retry policy per request kind.
 *
 * Retry policy (TELNYX.md §1: the SDK retries 408/409/429/5xx/connection errors, honouring
 * retry-after, and sends no Idempotency-Key):
 * - reads and call/conference commands keep the client's retries — commands carry a command_id,
 *   which Telnyx deduplicates, so a retried command is harmless;
 * - POSTs that create something without a dedup key (send message, number order, applications,
 *   profiles) get `maxRetries: 0`: a retry after a lost response could send or buy twice.
 */
import { randomUUID } from "node:crypto";
import { Telnyx } from "telnyx";
import type { AbstractPage, PagePromise } from "telnyx/core/pagination";
import { AppError } from "../errors/app-error";
import { mapTelnyxError } from "./map-telnyx-error";

export interface TelnyxGatewayConfig {
  apiKey: string;
  /** Default https://api.telnyx.com/v2; the sandbox's `baseUrl` (must include /v2). */
  baseURL?: string;
  /** Per attempt; default 15 s (the SDK's own default is 60 s). */
  timeoutMs?: number;
  /** Retries for idempotent requests; default 2. */
  maxRetries?: number;
}

export const DEFAULT_BASE_URL = "https://api.telnyx.com/v2";
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 2;
/** Safety stop for auto-pagination (a page without total_pages would otherwise loop forever). */
const MAX_PAGES = 200;

export interface GatewayContext {
  client: Telnyx;
  apiKey: string;
  /** Request options for POSTs that must never be retried blindly. */
  noRetry: { maxRetries: 0 };
  /** Runs one SDK call and maps any failure to an AppError. */
  run<T>(resource: string, call: () => Promise<T>): Promise<T>;
  /** Runs a list call and follows every page. */
  collect<Item>(resource: string, list: () => PagePromise<AbstractPage<Item>, Item>): Promise<Item[]>;
}

export function createGatewayContext(config: TelnyxGatewayConfig): GatewayContext {
  if (!config.apiKey) {
    throw new AppError(
      "TELNYX_AUTH",
      "No Telnyx API key is configured — set TELNYX_API_KEY (or the organization's key in Settings).",
    );
  }
  // Every option explicit: the SDK would otherwise read TELNYX_BASE_URL / TELNYX_CLIENT_ID / ... from
  // the environment and talk to somewhere else than configured.
  const client = new Telnyx({
    apiKey: config.apiKey,
    baseURL: config.baseURL ?? DEFAULT_BASE_URL,
    timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    publicKey: null,
    clientID: null,
    clientSecret: null,
  });

  async function run<T>(resource: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw mapTelnyxError(error, { apiKey: config.apiKey, resource });
    }
  }

  async function collect<Item>(resource: string, list: () => PagePromise<AbstractPage<Item>, Item>): Promise<Item[]> {
    return run(resource, async () => {
      const items: Item[] = [];
      let page = await list();
      for (let pageCount = 1; ; pageCount += 1) {
        const pageItems = page.getPaginatedItems();
        items.push(...pageItems);
        if (pageItems.length === 0 || pageCount >= MAX_PAGES || !page.hasNextPage()) return items;
        page = await page.getNextPage();
      }
    });
  }

  return { client, apiKey: config.apiKey, noRetry: { maxRetries: 0 }, run, collect };
}

/** Telnyx deduplicates commands carrying the same command_id for 60 s. */
export function newCommandId(): string {
  return randomUUID();
}

/** Telnyx wants client_state base64-encoded; the product passes plain text. */
export function encodeClientState(plain: string | undefined): string | undefined {
  return plain === undefined ? undefined : Buffer.from(plain, "utf8").toString("base64");
}

/** Inverse of encodeClientState for a webhook's client_state (null when absent or not base64 text). */
export function decodeClientState(encoded: string | null | undefined): string | null {
  if (!encoded) return null;
  return Buffer.from(encoded, "base64").toString("utf8");
}

/** Drops undefined keys so the SDK body carries only what the caller set. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
