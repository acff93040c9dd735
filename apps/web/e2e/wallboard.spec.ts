/**
 * The supervisors' wallboard, live, against the real API process and its built-in Telnyx sandbox:
 * a supervisor creates a kiosk link, a TV (a second browser with no login) opens it, an agent's call
 * appears, rings, is answered and ends on the TV with the counters moving and no reload, and the
 * supervisor listens, whispers and barges into that call from the wallboard, then revokes the TV's link.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

// Sandbox magic number: answers after 1 s, then talks 45 s (the test hangs up before).
const CUSTOMER = "+33612340045";

let api: ApiProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
let supervisor: Page;
let agent: Page;
let tv: Page;
let kioskUrl: string;
let callId: string;
let callsBefore: number;
let answeredBefore: number;

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  contexts.push(context);
  return context.newPage();
}

async function readCounter(page: Page, name: string): Promise<number> {
  const text = await page.locator(`[data-testid=wallboard-counter-${name}] [data-role=stat-value]`).textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

/** Records every data-status the TV's call card takes, so fast transitions are not missed. */
async function watchCallStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { tvStatuses: string[] }).tvStatuses = seen;
    const record = () => {
      const value = document.querySelector("[data-testid=wallboard-active-call]")?.getAttribute("data-status");
      if (value && seen.at(-1) !== value) seen.push(value);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  [supervisor, agent, tv] = await Promise.all([openPage(), openPage(), openPage()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe("wallboard, live", () => {
  it("lets a supervisor create a kiosk link, shown once", async () => {
    await logIn(supervisor, api.url, "supervisor@acme.test", "/wallboard");
    await supervisor.locator("[data-testid=wallboard][data-mode=supervisor]").waitFor();
    await supervisor.click("[data-testid=wallboard-settings-open]");
    await supervisor.fill("[data-testid=kiosk-name]", "Open space TV");
    await supervisor.click("[data-testid=kiosk-create]");
    kioskUrl = (await supervisor.locator("[data-testid=kiosk-url]").textContent()) ?? "";
    expect(kioskUrl).toMatch(/\/wallboard\?kiosk=[\w-]{16,}/);
    await supervisor.locator("[data-testid=kiosk-link]", { hasText: "Open space TV" }).waitFor();
    await supervisor.keyboard.press("Escape");
  });

  it("shows the wallboard on a TV with no login", async () => {
    await tv.goto(kioskUrl);
    await tv.locator("[data-testid=wallboard][data-mode=kiosk][data-live=connected]").waitFor({ timeout: 20_000 });
    expect(new URL(tv.url()).pathname).toBe("/wallboard");
    await tv.locator("[data-testid=wallboard-counter-calls] [data-role=stat-value]").waitFor();
    callsBefore = await readCounter(tv, "calls");
    answeredBefore = await readCounter(tv, "answered");
    // From here on the TV is never reloaded: everything below arrives over the socket.
    await tv.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));
    await watchCallStatuses(tv);
  });

  it("shows an agent's call appear, ring and get answered, with the counters moving", async () => {
    await logIn(agent, api.url, "agent1@acme.test", "/");
    const agentCalls = agent.locator("[data-testid=dashboard-counter-calls] [data-role=stat-value]");
    expect(await agentCalls.textContent()).toBe("0");
    await agent.locator("[data-testid=live-indicator][data-state=connected]").waitFor();
    const response = await agent.request.post(`${api.url}/api/telnyx/calls`, {
      headers: { origin: api.url },
      data: { to: CUSTOMER },
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
    const created = (await response.json()) as { id?: string; data?: { id: string } };
    callId = created.data?.id ?? created.id ?? "";
    expect(callId).not.toBe("");

    const card = tv.locator(`[data-testid=wallboard-active-call][data-call-id="${callId}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain("Thomas Dubois");
    await tv
      .locator(
        `[data-testid=wallboard-active-call][data-call-id="${callId}"]:is([data-status=ANSWERED], [data-status=BRIDGED])`,
      )
      .waitFor({ timeout: 20_000 });
    const statuses = (await tv.evaluate(() => (window as unknown as { tvStatuses: string[] }).tvStatuses)) ?? [];
    expect(["INITIATED", "RINGING"]).toContain(statuses[0]);
    await expect.poll(() => readCounter(tv, "calls"), { timeout: 20_000 }).toBe(callsBefore + 1);
    // The agent's own dashboard counted it live too (stats:delta, no reload, no refetch needed).
    await expect.poll(() => agentCalls.textContent(), { timeout: 20_000 }).toBe("1");
    await expect
      .poll(() => card.locator("[data-testid=wallboard-call-timer]").textContent(), { timeout: 15_000 })
      .not.toBe("0:00");
  });

  it("lets the supervisor listen, then whisper, then barge into the live call", async () => {
    const card = supervisor.locator(`[data-testid=wallboard-active-call][data-call-id="${callId}"]`);
    await card.waitFor({ timeout: 15_000 });
    for (const role of ["monitor", "whisper", "barge"] as const) {
      await card.locator(`[data-testid=supervise-${role}]`).click();
      await card.locator(`[data-testid=supervise-role][data-role=${role}]`).waitFor({ timeout: 15_000 });
      expect(await card.locator(`[data-testid=supervise-${role}]`).getAttribute("aria-pressed")).toBe("true");
    }
  });

  it("shows the call end on the TV and the answered counter move, still without a reload", async () => {
    const response = await agent.request.post(`${api.url}/api/telnyx/calls/${callId}/hangup`, {
      headers: { origin: api.url },
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
    await tv
      .locator(`[data-testid=wallboard-active-call][data-call-id="${callId}"]`)
      .waitFor({ state: "detached", timeout: 20_000 });
    await expect.poll(() => readCounter(tv, "answered"), { timeout: 15_000 }).toBe(answeredBefore + 1);
    expect(await readCounter(tv, "calls")).toBe(callsBefore + 1);
    expect(await tv.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
    // The supervisor's wallboard dropped the call (and its supervise controls) too.
    await supervisor
      .locator(`[data-testid=wallboard-active-call][data-call-id="${callId}"]`)
      .waitFor({ state: "detached", timeout: 20_000 });
  });

  it("blanks the TV at once when the supervisor revokes its kiosk link", async () => {
    await supervisor.click("[data-testid=wallboard-settings-open]");
    const link = supervisor.locator("[data-testid=kiosk-link]", { hasText: "Open space TV" });
    await link.locator("[data-testid=kiosk-revoke]").click();
    await supervisor.locator(".ant-popconfirm .ant-btn-primary").click();
    await link.getByText("Revoked").waitFor();
    await tv.locator("[data-testid=wallboard-kiosk-invalid]").waitFor({ timeout: 15_000 });
    expect(await tv.locator("[data-testid=wallboard-active-call]").count()).toBe(0);
  });
});
