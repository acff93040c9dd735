/**
 * The app on a phone (390 × 844) against the real API process and its built-in Telnyx sandbox: no page scrolls
 * sideways, each page has one main landmark, the navigation opens from a drawer, an agent answers an SMS and sees
 * a call, a supervisor's wallboard shows the agents and moves its "Updated" time with live events; and, on a laptop
 * screen, the floating call panel leaves the table's row actions clickable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

const PHONE = { width: 390, height: 844 };
// Sandbox magic number: answers after 1 s, then talks 45 s (the tests hang up before).
const CUSTOMER = "+33612340045";
// Élodie Bérard, one of agent1's seeded leads, and the organization's French number.
const LEAD_PHONE = "+33612345678";
const OUR_FR_NUMBER = "+33757650100";

const SIGNED_IN_PAGES = [
  "/",
  "/analytics",
  "/calls",
  "/callbacks",
  "/messages",
  "/leads",
  "/numbers",
  "/connections",
  "/settings",
  "/settings/routing",
];
const OTHER_PAGES = ["/audit", "/wallboard", "/reports/monthly-cost", "/reports/daily-activity"];

let api: ApiProcess;
let browser: Browser;
let sandboxOrigin: string;
const contexts: BrowserContext[] = [];

async function openPage(viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport, hasTouch: viewport === PHONE });
  contexts.push(context);
  return context.newPage();
}

/** What overflows the 390 px screen, for the failure message. */
function readLayout(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflowing = [...document.querySelectorAll("body *")]
      .filter((element) => {
        const right = element.getBoundingClientRect().right;
        const parentRight = element.parentElement?.getBoundingClientRect().right ?? 0;
        return right > width + 1 && parentRight <= width + 1;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 50)}`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      mainLandmarks: document.querySelectorAll("main, [role=main]").length,
      overflowing,
    };
  });
}

async function callFrom(page: Page): Promise<string> {
  const response = await page.request.post(`${api.url}/api/telnyx/calls`, {
    headers: { origin: api.url },
    data: { to: CUSTOMER },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  const created = (await response.json()) as { id?: string; data?: { id: string } };
  return created.data?.id ?? created.id ?? "";
}

async function hangUp(page: Page, callId: string): Promise<void> {
  const response = await page.request.post(`${api.url}/api/telnyx/calls/${callId}/hangup`, {
    headers: { origin: api.url },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  const banner = /built-in sandbox at (http:\/\/[^\s/]+)\/v2/.exec(api.output());
  if (!banner?.[1]) throw new Error(`No sandbox URL in the API banner:\n${api.output()}`);
  sandboxOrigin = banner[1];
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe("on a 390 × 844 phone", () => {
  let admin: Page;

  it("shows every main page without sideways scrolling and with one main landmark", async () => {
    admin = await openPage();
    await logIn(admin, api.url, "admin@acme.test");
    const failures: string[] = [];
    for (const path of [...SIGNED_IN_PAGES, ...OTHER_PAGES]) {
      await admin.goto(`${api.url}${path}`);
      await admin.waitForLoadState("networkidle");
      // Lazy chunks and first queries: wait for the page's content rather than a fixed time.
      await admin.locator("h1, h2, h3, h4").first().waitFor();
      await admin.locator(".ant-spin-spinning").first().waitFor({ state: "detached", timeout: 15_000 });
      const layout = await readLayout(admin);
      if (layout.scrollWidth > PHONE.width)
        failures.push(`${path}: scrollWidth ${layout.scrollWidth} (${layout.overflowing.join(", ")})`);
      if (layout.mainLandmarks !== 1) failures.push(`${path}: ${layout.mainLandmarks} main landmarks`);
    }
    expect(failures).toEqual([]);
  });

  it("opens the navigation from a drawer and navigates", async () => {
    await admin.goto(`${api.url}/`);
    const nav = admin.getByRole("navigation", { name: "Menu" });
    // No sidebar eating the screen: the menu waits behind its button.
    expect(await nav.isVisible()).toBe(false);
    await admin.click("[data-testid=nav-open]");
    await nav.locator("[data-testid=nav-leads]").click();
    await admin.waitForURL((url) => url.pathname === "/leads");
    await nav.waitFor({ state: "hidden" });
    await admin.locator("[data-testid=leads-table] [data-row-key]").first().waitFor();
    await admin.click("[data-testid=nav-open]");
    await nav.locator("[data-testid=nav-numbers]").click();
    await admin.waitForURL((url) => url.pathname === "/numbers");
    expect((await readLayout(admin)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
  });

  it("lets an agent open an SMS conversation and send a reply", async () => {
    const agent = await openPage();
    await logIn(agent, api.url, "agent1@acme.test");
    await agent.locator("[data-testid=live-indicator][data-state=connected]").waitFor();
    const response = await fetch(`${sandboxOrigin}/sandbox/inbound-message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: LEAD_PHONE, to: OUR_FR_NUMBER, text: "Vous pouvez me rappeler ?" }),
    });
    expect(response.status).toBeLessThan(300);
    await agent.click("[data-testid=nav-open]");
    await agent.click("[data-testid=nav-messages]");
    await agent.locator("[data-testid=thread-item]", { hasText: "me rappeler" }).click();
    await agent.locator("[data-testid=message-bubble][data-direction=INBOUND]", { hasText: "me rappeler" }).waitFor();
    const text = "Oui, je vous appelle dans 5 minutes.";
    await agent.fill("[data-testid=thread-composer]", text);
    await agent.click("[data-testid=thread-send]");
    const bubble = agent.locator("[data-testid=message-bubble][data-direction=OUTBOUND]", { hasText: text });
    await bubble.locator("[data-testid=message-status][data-status=DELIVERED]").waitFor({ timeout: 15_000 });
    expect((await readLayout(agent)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
  });

  it("shows the agent's call in the calls list with the call panel on screen", async () => {
    const agent = await openPage();
    await logIn(agent, api.url, "agent2@acme.test", "/calls");
    await agent.locator("[data-testid=live-indicator][data-state=connected]").waitFor();
    const callId = await callFrom(agent);
    const panel = agent.locator("[data-testid=live-call-panel]");
    await panel.waitFor({ timeout: 15_000 });
    const row = agent.locator(`[data-testid=calls-table] [data-row-key="${callId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain("+33 6 12 34 00 45");
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect((await readLayout(agent)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await agent.click("[data-testid=call-hangup]");
    await agent.locator("[data-testid=live-call-panel][data-ended=true]").waitFor({ timeout: 15_000 });
  });

  it("shows a supervisor the agents on the wallboard, its Updated time moving with live events", async () => {
    const supervisor = await openPage();
    await logIn(supervisor, api.url, "supervisor@acme.test", "/wallboard");
    await supervisor.locator("[data-testid=wallboard][data-live=connected]").waitFor({ timeout: 20_000 });
    await supervisor.locator("[data-testid=wallboard-agent]").first().waitFor();
    expect(await supervisor.locator("[data-testid=wallboard-agent]").count()).toBeGreaterThanOrEqual(3);
    expect((await readLayout(supervisor)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    const updated = supervisor.locator("[data-testid=wallboard-updated]");
    const before = await updated.textContent();
    // The time has seconds: let at least one pass so a live event can move it.
    await supervisor.waitForTimeout(1_100);
    const agent = await openPage();
    await logIn(agent, api.url, "agent1@acme.test");
    const callId = await callFrom(agent);
    await supervisor
      .locator(`[data-testid=wallboard-active-call][data-call-id="${callId}"]`)
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => updated.textContent(), { timeout: 5_000 }).not.toBe(before);
    await hangUp(agent, callId);
  });
});

describe("on a laptop screen with a call in progress", () => {
  it("keeps the row actions under the floating call panel clickable", async () => {
    const agent = await openPage({ width: 1280, height: 720 });
    await logIn(agent, api.url, "agent1@acme.test", "/leads");
    await agent.locator("[data-testid=live-indicator][data-state=connected]").waitFor();
    const callId = await callFrom(agent);
    await agent.locator("[data-testid=live-call-panel]").waitFor({ timeout: 15_000 });
    const lastRow = agent.locator("[data-testid=leads-table] tbody tr[data-row-key]").last();
    await lastRow.waitFor();
    // At the bottom of the page, the last row sits where the panel floats.
    await agent.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const actions = lastRow.locator("[data-testid=lead-sms]");
    const covering = await actions.evaluate((button) => {
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit && !button.contains(hit)
        ? (hit.closest("[data-testid]")?.getAttribute("data-testid") ?? hit.tagName)
        : null;
    });
    expect(covering).toBeNull();
    await actions.click({ timeout: 5_000 });
    await agent.getByRole("dialog").waitFor();
    await agent.keyboard.press("Escape");
    await hangUp(agent, callId);
  });
});
