/**
 * Web benchmarks in Debian's Chromium against an API that serves the built web app:
 * JavaScript a user downloads for /login and for the dashboard — each response body gzipped here at
 * level 9 (the figure the target is set in, whatever the server sent) and the bytes that actually
 * crossed the wire (the API serves the build's Brotli twins) — and the time from one signed webhook
 * to its change on the wallboard.
 */
import { createPrivateKey, randomUUID, sign } from "node:crypto";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export interface WebBenchResult {
  loginJsGzipBytes: number;
  dashboardJsGzipBytes: number;
  loginJsFiles: number;
  dashboardJsFiles: number;
  /** Encoded body bytes as transferred (Brotli from the API). */
  loginJsWireBytes: number;
  dashboardJsWireBytes: number;
  wallboardFirstEventMs: number;
  wallboardRuns: number[];
}

interface WebBenchOptions {
  apiUrl: string;
  privateKeyPem: string;
  /** The demo organization's own webhook endpoint (/api/telnyx/webhooks/o/<token>). */
  webhookRoot: string;
  email?: string;
  password?: string;
}

const DEMO_NUMBER = "+13125550100";
const SUPERVISOR = "supervisor@acme.test";
const WALLBOARD_RUNS = 5;
const QUIET_MS = 1_000;

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

interface JsTotals {
  gzipBytes: number;
  wireBytes: number;
  files: number;
}

/** Every JavaScript response of the context, by URL, gzipped (level 9); `settled()` resolves once none is pending. */
function recordJs(context: BrowserContext) {
  const sizes = new Map<string, Promise<{ gzip: number; wire: number }>>();
  let lastSeenAt = performance.now();
  context.on("response", (response) => {
    const isJs =
      response.request().resourceType() === "script" || /javascript/.test(response.headers()["content-type"] ?? "");
    if (!isJs || sizes.has(response.url())) return;
    lastSeenAt = performance.now();
    sizes.set(
      response.url(),
      Promise.all([response.body(), response.request().sizes()]).then(([body, transfer]) => ({
        gzip: gzipSync(body, { level: 9 }).length,
        wire: transfer.responseBodySize,
      })),
    );
  });
  return {
    /** Waits until no new script arrived for QUIET_MS (lazy chunks requested after render included). */
    async settled(): Promise<JsTotals> {
      while (performance.now() - lastSeenAt < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
      const files = await Promise.all(sizes.values());
      return {
        gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
        wireBytes: files.reduce((sum, f) => sum + f.wire, 0),
        files: files.length,
      };
    },
  };
}

async function logIn(page: Page, apiUrl: string, email: string, password: string, path: string): Promise<void> {
  await page.goto(`${apiUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.fill("#login-email", email);
  await page.fill("#login-password", password);
  await page.click("[data-testid=login-submit]");
  await page.waitForURL((url) => url.pathname === path);
}

async function measureLogin(browser: Browser, apiUrl: string): Promise<JsTotals> {
  const context = await browser.newContext({ locale: "en-US" });
  try {
    const js = recordJs(context);
    const page = await context.newPage();
    await page.goto(`${apiUrl}/login`, { waitUntil: "networkidle" });
    await page.locator("[data-testid=login-submit]").waitFor();
    return await js.settled();
  } finally {
    await context.close();
  }
}

/** Everything a user downloads from opening /login to seeing the dashboard's counters. */
async function measureDashboard(browser: Browser, apiUrl: string, email: string, password: string): Promise<JsTotals> {
  const context = await browser.newContext({ locale: "en-US" });
  try {
    const js = recordJs(context);
    const page = await context.newPage();
    await page.goto(`${apiUrl}/login`, { waitUntil: "networkidle" });
    await page.fill("#login-email", email);
    await page.fill("#login-password", password);
    await page.click("[data-testid=login-submit]");
    await page.waitForURL((url) => url.pathname === "/");
    await page.locator("[data-testid=dashboard-counter-calls] [data-role=stat-value]").waitFor();
    await page.waitForLoadState("networkidle");
    return await js.settled();
  } finally {
    await context.close();
  }
}

function signedHeaders(privateKeyPem: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), createPrivateKey(privateKeyPem)).toString("base64");
  return {
    "content-type": "application/json",
    "telnyx-signature-ed25519": signature,
    "telnyx-timestamp": String(timestamp),
  };
}

/** A customer calling the demo number: the wallboard shows a new ringing call card. */
function inboundCallBody(): string {
  const now = new Date().toISOString();
  const from = `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  return JSON.stringify({
    data: {
      record_type: "event",
      event_type: "call.initiated",
      id: randomUUID(),
      occurred_at: now,
      payload: {
        call_control_id: `v3:bench-${randomUUID()}`,
        call_leg_id: randomUUID(),
        call_session_id: randomUUID(),
        client_state: null,
        connection_id: "bench",
        from,
        to: DEMO_NUMBER,
        direction: "incoming",
        state: "parked",
        start_time: now,
        caller_id_name: from,
        calling_party_type: "pstn",
      },
    },
    meta: { attempt: 1 },
  });
}

/** Epoch milliseconds with sub-millisecond resolution, comparable between Node and the page. */
const nowEpochMs = () => performance.timeOrigin + performance.now();

// Runs in the page (bench/ has no DOM types): notes when a call card with an id not on screen yet appears.
const ARM_OBSERVER = `(() => {
  const known = new Set(Array.from(document.querySelectorAll("[data-testid=wallboard-active-call]"), (el) => el.getAttribute("data-call-id")));
  window.benchSeenAt = undefined;
  const observer = new MutationObserver(() => {
    const cards = document.querySelectorAll("[data-testid=wallboard-active-call]");
    if (Array.from(cards).some((el) => !known.has(el.getAttribute("data-call-id")))) {
      window.benchSeenAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-call-id"] });
})()`;

async function measureWallboardOnce(page: Page, options: WebBenchOptions): Promise<number> {
  // Armed before t0, so the change cannot be missed.
  await page.evaluate(ARM_OBSERVER);
  const body = inboundCallBody();
  const headers = signedHeaders(options.privateKeyPem, body);
  const t0 = nowEpochMs();
  const response = await fetch(`${options.apiUrl}${options.webhookRoot}/calls`, { method: "POST", headers, body });
  if (!response.ok) throw new Error(`webhook refused: ${response.status} ${await response.text()}`);
  const seenAt = await page.waitForFunction(() => (globalThis as { benchSeenAt?: number }).benchSeenAt, undefined, {
    timeout: 15_000,
    polling: 50,
  });
  return Number(await seenAt.jsonValue()) - t0;
}

async function measureWallboard(browser: Browser, options: WebBenchOptions): Promise<number[]> {
  const context = await browser.newContext({ locale: "en-US" });
  try {
    const page = await context.newPage();
    await logIn(page, options.apiUrl, SUPERVISOR, options.password ?? "demo1234", "/wallboard");
    await page
      .locator("[data-testid=wallboard][data-mode=supervisor][data-live=connected]")
      .waitFor({ timeout: 20_000 });
    await page.locator("[data-testid=wallboard-counter-calls] [data-role=stat-value]").waitFor();
    const runs: number[] = [];
    for (let i = 0; i < WALLBOARD_RUNS; i += 1) {
      runs.push(await measureWallboardOnce(page, options));
      // Lets the settle refetch and the card's first render pass before the next sample.
      await new Promise((r) => setTimeout(r, 500));
    }
    return runs;
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function runWebBench(options: WebBenchOptions): Promise<WebBenchResult> {
  const browser = await launchChromium();
  try {
    const login = await measureLogin(browser, options.apiUrl);
    const dashboard = await measureDashboard(
      browser,
      options.apiUrl,
      options.email ?? "admin@acme.test",
      options.password ?? "demo1234",
    );
    const wallboardRuns = await measureWallboard(browser, options);
    return {
      loginJsGzipBytes: login.gzipBytes,
      dashboardJsGzipBytes: dashboard.gzipBytes,
      loginJsFiles: login.files,
      dashboardJsFiles: dashboard.files,
      loginJsWireBytes: login.wireBytes,
      dashboardJsWireBytes: dashboard.wireBytes,
      wallboardFirstEventMs: Math.round(median(wallboardRuns) * 10) / 10,
      wallboardRuns: wallboardRuns.map((ms) => Math.round(ms * 10) / 10),
    };
  } finally {
    await browser.close();
  }
}
