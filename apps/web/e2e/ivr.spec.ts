/**
 * IVR menus (issue 15) in Chromium against the real API process and its sandbox. A supervisor creates a Support
 * queue (Thomas only), an IVR menu "press 2 for support" whose key 2 goes to it, and routes the demo number to the
 * menu in Settings → Call routing. A sandbox caller who presses 2 (…0772) rings Thomas; the call's timeline names
 * the key.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

const OUR_FR_NUMBER = "+33757650100";
// Sandbox caller behaviour "…077N": presses N one second after a gather starts.
const CALLER_PRESSING_2 = "+33612340772";
const PHONE = { width: 390, height: 844 };

let api: ApiProcess;
let browser: Browser;
let sandboxOrigin: string;
const contexts: BrowserContext[] = [];
let supervisor: Page;
let thomas: Page;

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  contexts.push(context);
  return context.newPage();
}

/** Picks an option of an antd Select and waits until the select shows it (a click before the list settled misses). */
async function pickIn(page: Page, select: ReturnType<Page["locator"]>, label: string | RegExp): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label }).first();
    await option.waitFor();
    await option.click();
    await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
    const text = (await select.textContent()) ?? "";
    if (typeof label === "string" ? text.includes(label) : label.test(text)) return;
  }
  throw new Error(`the select does not show ${String(label)}`);
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  const banner = /built-in sandbox at (http:\/\/[^\s/]+)\/v2/.exec(api.output());
  if (!banner?.[1]) throw new Error(`No sandbox URL in the API banner:\n${api.output()}`);
  sandboxOrigin = banner[1];
  [supervisor, thomas] = await Promise.all([openPage(), openPage()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe("IVR menus", () => {
  it("lets a supervisor build 'press 2 for support' and route the number to it", async () => {
    await logIn(supervisor, api.url, "supervisor@acme.test", "/settings/routing");
    await supervisor.locator("[data-testid=queues-table] [data-row-key]", { hasText: "Sales" }).waitFor();

    // A Support queue with Thomas only.
    await supervisor.click("[data-testid=queue-create]");
    const queueForm = supervisor.locator(".ant-modal:visible");
    await queueForm.locator("#queue-name").fill("Support");
    const members = queueForm.locator("[data-testid=queue-members]");
    await members.locator("input").fill("Thomas Dubois");
    await supervisor.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "Thomas" }).waitFor();
    await supervisor.keyboard.press("Enter");
    await supervisor.keyboard.press("Escape");
    await queueForm.locator("[data-testid=queue-submit]").click();
    await queueForm.waitFor({ state: "hidden" });

    // The menu: key 2 → the Support queue (the first row starts on key 1; it becomes 2).
    await supervisor.click("[data-testid=ivr-create]");
    const menuForm = supervisor.locator(".ant-modal:visible");
    await menuForm.locator("#ivr-name").fill("Main menu");
    await menuForm.locator("#ivr-greeting").fill("Thank you for calling. Press 2 for support.");
    const row = menuForm.locator("[data-testid=ivr-option-row]").first();
    await pickIn(supervisor, row.locator("[data-testid=ivr-option-digit]"), /^2$/);
    await pickIn(supervisor, row.locator("[data-testid=ivr-option-target]"), "Queue: Support");
    // Double click: one menu.
    await menuForm.locator("[data-testid=ivr-submit]").dblclick();
    await menuForm.waitFor({ state: "hidden" });
    const menuRow = supervisor.locator("[data-testid=ivr-table] [data-row-key]", { hasText: "Main menu" });
    await menuRow.waitFor();
    expect(await menuRow.locator("[data-testid=ivr-menu-options]").textContent()).toContain("2 → Queue: Support");
    const listed = await supervisor.evaluate(async () => {
      const response = await fetch("/api/telnyx/ivr-menus");
      return (await response.json()) as { name: string }[] | { data: { name: string }[] };
    });
    const names = (Array.isArray(listed) ? listed : listed.data).map((menu) => menu.name);
    expect(names.filter((name) => name === "Main menu")).toHaveLength(1);

    // The demo number goes to the menu.
    const route = supervisor.locator(`[data-testid=number-route][data-number="${OUR_FR_NUMBER}"]`);
    await pickIn(supervisor, route, "IVR menu: Main menu");
    await expect.poll(() => route.textContent(), { timeout: 10_000 }).toContain("IVR menu: Main menu");

    // In use by the number: the menu cannot be deleted.
    await menuRow.locator("[data-testid=ivr-delete]").click();
    await supervisor.locator(".ant-popconfirm:visible .ant-btn-dangerous").click();
    await supervisor.getByText("Numbers or other menus still go to this menu").waitFor();
    expect(await menuRow.count()).toBe(1);
  });

  it("fits a phone: the menu list and its key rows need no sideways scrolling", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: PHONE, hasTouch: true });
    contexts.push(context);
    const phone = await context.newPage();
    await logIn(phone, api.url, "supervisor@acme.test", "/settings/routing");
    const menuRow = phone.locator("[data-testid=ivr-table] [data-row-key]", { hasText: "Main menu" });
    await menuRow.waitFor({ timeout: 15_000 });
    const scrollWidth = () => phone.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await menuRow.locator("[data-testid=ivr-edit]").click();
    const form = phone.locator(".ant-modal:visible");
    await form.locator("[data-testid=ivr-option-add]").click();
    const rows = form.locator("[data-testid=ivr-option-row]");
    expect(await rows.count()).toBe(2);
    for (const box of await Promise.all([0, 1].map((i) => rows.nth(i).boundingBox())))
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it("rings the Support queue's agent when the caller presses 2; the timeline names the key", async () => {
    await logIn(thomas, api.url, "agent1@acme.test", "/");
    await thomas.locator("[data-testid=agent-status][data-status=AVAILABLE]").waitFor({ timeout: 15_000 });

    const response = await fetch(`${sandboxOrigin}/sandbox/inbound-call`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: CALLER_PRESSING_2, to: OUR_FR_NUMBER }),
    });
    expect(response.status).toBeLessThan(300);
    const ccid = ((await response.json()) as { data: { call_control_id: string } }).data.call_control_id;

    const toast = thomas.locator("[data-testid=incoming-call-toast]");
    await toast.waitFor({ timeout: 20_000 });
    const callId = await toast.getAttribute("data-call-id");
    expect(callId).toBeTruthy();

    await supervisor.click("[data-testid=nav-calls]");
    await supervisor.locator(`[data-testid=calls-table] [data-row-key="${callId}"]`).click();
    const timeline = supervisor.locator("[data-testid=call-timeline]");
    await timeline.getByText("Menu: the caller pressed 2").waitFor({ timeout: 10_000 });

    // The caller hangs up while waiting: Thomas stops ringing.
    await fetch(`${sandboxOrigin}/sandbox/calls/${ccid}/hangup`, { method: "POST" });
    await toast.waitFor({ state: "detached", timeout: 15_000 });
  });
});
