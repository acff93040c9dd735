/**
 * Transfers in the browser against the real API process and its built-in sandbox: the agent opens the transfer
 * dialog on a live call, finds a colleague in the directory (presence, unavailable ones disabled with the reason),
 * consults them with the customer on hold, completes the warm transfer — their panel shows "Transferred to …"
 * without controls, and the colleague's panel shows the call.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

// Sandbox magic number: answers after 1 s and talks 45 s.
const CUSTOMER_PHONE = "+33612340045";

let api: ApiProcess;
let browser: Browser;
let agent: Page;
let colleague: Page;

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  agent = await (await browser.newContext({ locale: "en-US" })).newPage();
  colleague = await (await browser.newContext({ locale: "en-US" })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("transfers", () => {
  it("warm transfer to a colleague listed in the directory", async () => {
    await logIn(colleague, api.url, "agent2@acme.test", "/");
    await colleague.locator("[data-testid=agent-status][data-status=AVAILABLE]").waitFor({ timeout: 15_000 });
    await logIn(agent, api.url, "agent1@acme.test", "/calls");
    await agent.locator("[data-testid=live-indicator][data-state=connected]").waitFor();

    await agent.click("[data-testid=place-call]");
    await agent.fill("#call-to", CUSTOMER_PHONE);
    await agent.click("[data-testid=place-call-submit]");
    await agent.locator("[data-testid=live-call-status][data-status=BRIDGED]").waitFor({ timeout: 30_000 });

    await agent.click("[data-testid=call-transfer]");
    const dialog = agent.getByRole("dialog");
    await dialog.getByText("To a colleague").click();
    const row = (name: string) => dialog.locator("[data-testid=transfer-colleague]", { hasText: name });
    await row("Emma Wilson").waitFor();
    expect(await row("Emma Wilson").textContent()).toContain("Available");
    // Never signed in: Offline, and disabled with the reason.
    expect(await row("Sophie Lefèvre").textContent()).toContain("cannot take calls while offline");
    expect(await row("Sophie Lefèvre").locator("input").isDisabled()).toBe(true);
    expect(await dialog.locator("[data-testid=transfer-colleague]", { hasText: "Thomas Dubois" }).count()).toBe(0);
    await dialog
      .locator("input[data-testid=transfer-colleague-search], [data-testid=transfer-colleague-search] input")
      .first()
      .fill("emma");
    await expect.poll(() => dialog.locator("[data-testid=transfer-colleague]").count()).toBe(1);
    await row("Emma Wilson").click();
    await dialog.locator("[data-testid=transfer-consult]").click();
    await dialog.waitFor({ state: "hidden" });

    // Consulting: the customer is on hold; "Complete" waits for the colleague to answer.
    await agent.locator("[data-testid=live-call-consulting]").waitFor();
    expect(await agent.locator("[data-testid=call-transfer]").count()).toBe(0);
    await agent.locator("[data-testid=call-complete-transfer]:not([disabled])").waitFor({ timeout: 20_000 });
    expect(await agent.textContent("[data-testid=live-call-consulting]")).toContain("Talking with Emma Wilson");
    await agent.click("[data-testid=call-complete-transfer]");

    await agent.locator("[data-testid=live-call-transferred]").waitFor({ timeout: 5_000 });
    expect(await agent.textContent("[data-testid=live-call-transferred]")).toBe("Transferred to Emma Wilson");
    expect(await agent.locator("[data-testid=call-hangup], [data-testid=call-mute]").count()).toBe(0);

    // The colleague now has the call, with its controls.
    await colleague.locator("[data-testid=live-call-panel][data-ended=false]").waitFor({ timeout: 15_000 });
    await colleague.click("[data-testid=call-hangup]");
    await colleague.locator("[data-testid=live-call-panel][data-ended=true]").waitFor({ timeout: 15_000 });
  });

  it("blind transfer to a queue: the agent's panel says so, the queue's member is offered the call and takes it", async () => {
    // Only Available members ring: Emma may still be in wrap-up after the previous call, and says "ready".
    const status = colleague.locator("[data-testid=agent-status]");
    if ((await status.getAttribute("data-status")) !== "AVAILABLE")
      await colleague.click("[data-testid=agent-status-AVAILABLE]");
    await colleague.locator("[data-testid=agent-status][data-status=AVAILABLE]").waitFor({ timeout: 10_000 });
    await agent.click("[data-testid=place-call]");
    await agent.fill("#call-to", CUSTOMER_PHONE);
    await agent.click("[data-testid=place-call-submit]");
    await agent.locator("[data-testid=live-call-status][data-status=BRIDGED]").waitFor({ timeout: 30_000 });

    await agent.click("[data-testid=call-transfer]");
    const dialog = agent.getByRole("dialog");
    await dialog.getByText("To a queue").click();
    await dialog.locator("[data-testid=transfer-queue]").click();
    await agent
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "Sales (0 waiting)" })
      .click();
    await dialog.locator("[data-testid=transfer-submit]").click();
    await dialog.waitFor({ state: "hidden" });

    await agent.locator("[data-testid=live-call-transferred]").waitFor({ timeout: 5_000 });
    expect(await agent.textContent("[data-testid=live-call-transferred]")).toBe("Transferred to Sales");
    expect(await agent.locator("[data-testid=call-hangup], [data-testid=call-mute]").count()).toBe(0);

    // Emma (a Sales member, Available) is offered the call and answers.
    const toast = colleague.locator("[data-testid=incoming-call-toast]");
    await toast.waitFor({ timeout: 20_000 });
    await toast.locator("[data-testid=incoming-answer]").click();
    await colleague.locator("[data-testid=live-call-status][data-status=BRIDGED]").waitFor({ timeout: 20_000 });
    await colleague.click("[data-testid=call-hangup]");
    await colleague.locator("[data-testid=live-call-panel][data-ended=true]").waitFor({ timeout: 15_000 });
  }, 60_000);
});
