/**
 * Inbound routing (issue 15) in Chromium against the real API process and its sandbox. A supervisor sets the Sales
 * queue in Settings → Call routing (two agents, round robin, short ring and wait so the test is quick); a caller
 * dials the demo number: one agent rings, then the other in turn; that one skips and the ring goes back to the first
 * (the call goes on); nobody answers within the maximum wait, so the caller leaves a voicemail, which both agents see on their Calls
 * page and in the callback list, kept live when one of them takes it and marks it done.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

const OUR_FR_NUMBER = "+33757650100";
// Sandbox caller behaviour "…0770": waits silently, then talks 4 s once a recording starts and hangs up.
const CALLER = "+33612340770";
const RING_SECS = 5;
const MAX_WAIT_SECS = 20;

let api: ApiProcess;
let browser: Browser;
let sandboxOrigin: string;
const contexts: BrowserContext[] = [];
let supervisor: Page;
let thomas: Page;
let emma: Page;

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  contexts.push(context);
  return context.newPage();
}

const toast = (page: Page) => page.locator("[data-testid=incoming-call-toast]");

async function ringingAgent(): Promise<{ first: Page; second: Page }> {
  const [thomasToast, emmaToast] = [toast(thomas), toast(emma)];
  await Promise.race([thomasToast.waitFor({ timeout: 20_000 }), emmaToast.waitFor({ timeout: 20_000 })]);
  return (await thomasToast.count()) > 0 ? { first: thomas, second: emma } : { first: emma, second: thomas };
}

async function pickOption(page: Page, selectTestId: string, label: string): Promise<void> {
  await page.click(`[data-testid=${selectTestId}]`);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label }).first().click();
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  const banner = /built-in sandbox at (http:\/\/[^\s/]+)\/v2/.exec(api.output());
  if (!banner?.[1]) throw new Error(`No sandbox URL in the API banner:\n${api.output()}`);
  sandboxOrigin = banner[1];
  [supervisor, thomas, emma] = await Promise.all([openPage(), openPage(), openPage()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe("inbound routing", () => {
  it("lets a supervisor set the Sales queue: two agents, round robin, short ring and wait", async () => {
    await logIn(supervisor, api.url, "supervisor@acme.test", "/settings/routing");
    const row = supervisor.locator("[data-testid=queues-table] [data-row-key]", { hasText: "Sales" });
    await row.waitFor({ timeout: 15_000 });
    await row.locator("[data-testid=queue-edit]").click();
    const form = supervisor.locator(".ant-modal:visible");
    await form.waitFor();
    // Exactly the two agents: clear the members, then type each name and pick it.
    const members = form.locator("[data-testid=queue-members]");
    await members.hover();
    const clear = form.locator("[data-testid=queue-members] .ant-select-clear");
    if (await clear.count()) await clear.click();
    for (const name of ["Thomas Dubois", "Emma Wilson"]) {
      await members.locator("input").fill(name);
      await supervisor.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: name }).waitFor();
      await supervisor.keyboard.press("Enter");
    }
    await supervisor.keyboard.press("Escape");
    await pickOption(supervisor, "queue-strategy", "Round robin");
    await form.locator("#queue-ring-timeout").fill(String(RING_SECS));
    await form.locator("#queue-max-wait").fill(String(MAX_WAIT_SECS));
    await form.locator("[data-testid=queue-submit]").click();
    await form.waitFor({ state: "hidden" });
    expect(await row.textContent()).toContain(`${RING_SECS} s / ${MAX_WAIT_SECS} s`);
    expect(await row.locator("[data-testid=queue-members-count]").textContent()).toBe("2 members");

    // The demo number goes to the queue (the seed's default), as the route select shows.
    const route = supervisor.locator(`[data-testid=number-route][data-number="${OUR_FR_NUMBER}"]`);
    expect(await route.textContent()).toContain("Queue: Sales");
    // The supervisor watches the calls from the Calls page.
    await supervisor.click("[data-testid=nav-calls]");
  });

  it("rings the agents in turn; a skip passes the call on without ending it; then voicemail after the wait", async () => {
    await Promise.all([logIn(thomas, api.url, "agent1@acme.test", "/"), logIn(emma, api.url, "agent2@acme.test", "/")]);
    for (const page of [thomas, emma])
      await page.locator("[data-testid=agent-status][data-status=AVAILABLE]").waitFor({ timeout: 15_000 });

    // The supervisor's wallboard, in another tab, shows the Sales queue's tile.
    const board = await supervisor.context().newPage();
    await board.goto(`${api.url}/wallboard`);
    const salesTile = board.locator("[data-testid=wallboard-queue]", { hasText: "Sales" });
    await salesTile.waitFor({ timeout: 15_000 });
    expect(await salesTile.getAttribute("data-waiting")).toBe("0");

    const response = await fetch(`${sandboxOrigin}/sandbox/inbound-call`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: CALLER, to: OUR_FR_NUMBER }),
    });
    expect(response.status).toBeLessThan(300);

    // One agent at a time; unanswered, the ring moves on to the other in turn.
    const { first, second } = await ringingAgent();
    expect(await toast(second).count()).toBe(0);
    const callId = await toast(first).getAttribute("data-call-id");
    expect(callId).toBeTruthy();
    await toast(second).waitFor({ timeout: (RING_SECS + 5) * 1000 });
    await toast(first).waitFor({ state: "detached", timeout: 5_000 });
    expect(await toast(second).getAttribute("data-call-id")).toBe(callId);

    // The second skips: the call goes back to the first (it only rang out), and is not ended.
    const skip = toast(second).locator("[data-testid=incoming-decline]");
    expect(await skip.textContent()).toBe("Skip");
    await skip.click();
    await toast(second).waitFor({ state: "detached" });
    await toast(first).waitFor({ timeout: 10_000 });
    const supervisorRow = supervisor.locator(`[data-testid=calls-table] [data-row-key="${callId}"]`);
    await supervisorRow.waitFor({ timeout: 10_000 });
    expect(await supervisorRow.locator("[data-testid=call-status]").getAttribute("data-status")).toBe("RINGING");
    // The caller waits in the queue: live on the wallboard, with the wait ticking.
    await board
      .locator("[data-testid=wallboard-queue][data-waiting='1']", { hasText: "Sales" })
      .waitFor({ timeout: 5_000 });
    expect(await salesTile.locator("[data-testid=wallboard-queue-longest]").textContent()).toMatch(/^0:\d\d$/);

    // Skipped for this call: the ring never comes back to the second while the first lets it ring out.
    await second.evaluate(() => {
      const flags = window as unknown as { rangAgain?: boolean };
      flags.rangAgain = false;
      new MutationObserver(() => {
        if (document.querySelector("[data-testid=incoming-call-toast]")) flags.rangAgain = true;
      }).observe(document.body, { subtree: true, childList: true });
    });

    // Nobody answers within the maximum wait: voicemail, and the toasts go.
    await Promise.all([
      toast(first).waitFor({ state: "detached", timeout: (MAX_WAIT_SECS + 10) * 1000 }),
      toast(second).waitFor({ state: "detached", timeout: (MAX_WAIT_SECS + 10) * 1000 }),
    ]);
    expect(await second.evaluate(() => (window as unknown as { rangAgain?: boolean }).rangAgain)).toBe(false);
    await board
      .locator("[data-testid=wallboard-queue][data-waiting='0']", { hasText: "Sales" })
      .waitFor({ timeout: 10_000 });
    await board.close();
    const outcome = supervisorRow.locator("[data-testid=call-outcome]");
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.getAttribute("data-outcome")).toBe("VOICEMAIL");

    for (const page of [thomas, emma]) {
      await page.click("[data-testid=nav-calls]");
      const row = page.locator(`[data-testid=calls-table] [data-row-key="${callId}"]`);
      await row.locator("[data-testid=call-outcome][data-outcome=VOICEMAIL]").waitFor({ timeout: 15_000 });
    }

    for (const page of [thomas, emma]) {
      await page.click("[data-testid=nav-callbacks]");
      const callback = page.locator(`[data-testid=callback][data-call-id="${callId}"]`);
      await callback.waitFor({ timeout: 15_000 });
      expect(await callback.getAttribute("data-reason")).toBe("VOICEMAIL");
      await callback.locator("[data-testid=callback-voicemail]").waitFor({ timeout: 30_000 });
      expect(await page.locator("[data-testid=nav-callbacks-badge]").textContent()).toBe("1");
    }

    // Thomas takes it: Emma's list shows it live; done, it leaves both open lists and the badge.
    const thomasCallback = thomas.locator(`[data-testid=callback][data-call-id="${callId}"]`);
    const emmaCallback = emma.locator(`[data-testid=callback][data-call-id="${callId}"]`);
    await thomasCallback.locator("[data-testid=callback-assign]").click();
    await expect
      .poll(() => emmaCallback.locator("[data-testid=callback-assignee]").textContent(), { timeout: 10_000 })
      .toBe("Thomas Dubois");
    expect(await thomasCallback.locator("[data-testid=callback-assign]").count()).toBe(0);
    await thomasCallback.locator("[data-testid=callback-done]").click();
    await Promise.all([
      thomasCallback.waitFor({ state: "detached", timeout: 10_000 }),
      emmaCallback.waitFor({ state: "detached", timeout: 10_000 }),
    ]);
    expect(await emma.locator("[data-testid=nav-callbacks-badge]").count()).toBe(0);
    await thomas.click("[data-testid=callbacks-status] >> text=Done");
    await thomasCallback.waitFor({ timeout: 10_000 });
  });

  it("creates a queue once on a double click, refuses a taken name and the delete of a routed queue", async () => {
    await supervisor.click("[data-testid=nav-routing]");
    const rows = (name: string) =>
      supervisor.locator("[data-testid=queues-table] [data-row-key]", { hasText: new RegExp(`^${name}`) });
    await rows("Sales").waitFor();

    await supervisor.click("[data-testid=queue-create]");
    const form = supervisor.locator(".ant-modal:visible");
    await form.locator("#queue-name").fill("Support");
    await form.locator("[data-testid=queue-submit]").dblclick();
    await form.waitFor({ state: "hidden" });
    await rows("Support").waitFor();
    const listed = await supervisor.evaluate(async () => {
      const response = await fetch("/api/telnyx/queues");
      return ((await response.json()) as { name: string }[] | { data: { name: string }[] }) ?? [];
    });
    const names = (Array.isArray(listed) ? listed : listed.data).map((queue) => queue.name);
    expect(names.filter((name) => name === "Support")).toHaveLength(1);

    await supervisor.click("[data-testid=queue-create]");
    await form.locator("#queue-name").fill("Sales");
    await form.locator("[data-testid=queue-submit]").click();
    await form.getByText("Another queue already has this name.").waitFor();
    await supervisor.keyboard.press("Escape");
    await form.waitFor({ state: "hidden" });

    await rows("Sales").locator("[data-testid=queue-delete]").click();
    await supervisor.locator(".ant-popconfirm:visible .ant-btn-dangerous").click();
    await supervisor.getByText("Numbers still route to this queue").waitFor();
    expect(await rows("Sales").count()).toBe(1);
    await supervisor.locator(".ant-popconfirm:visible").waitFor({ state: "hidden" });

    await rows("Support").locator("[data-testid=queue-delete]").click();
    await supervisor.locator(".ant-popconfirm:visible .ant-btn-dangerous").click();
    await rows("Support").waitFor({ state: "detached" });
  });

  it("lets a supervisor write the voicemail greeting; it is kept after a reload", async () => {
    await supervisor.goto(`${api.url}/settings/routing`);
    const card = supervisor.locator("[data-testid=routing-voicemail]");
    const field = card.locator("[data-testid=voicemail-greeting]");
    await field.waitFor();
    expect(await field.inputValue()).toContain("leave a message after the beep");
    await field.fill("Acme: leave us a message after the beep.");
    await card.locator("[data-testid=voicemail-save]").click();
    await supervisor.getByText("Voicemail greeting saved").waitFor();
    await supervisor.reload();
    await field.waitFor();
    expect(await field.inputValue()).toBe("Acme: leave us a message after the beep.");
    expect(await card.locator("[data-testid=voicemail-save]").isDisabled()).toBe(true);
  });
});
