/**
 * An agent calls and texts a lead in the browser against the real API process and its built-in
 * Telnyx sandbox: statuses move live (no reload), the call ends with duration, cost and a playable
 * recording, an SMS is delivered live, replies arrive live, and STOP blocks the next send.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

// Sandbox magic number: answers after 1 s and talks 45 s, plenty for the agent to act first.
const LEAD_PHONE = "+33612340045";
const LEAD_LAST_NAME = "Calls-E2E";
const OUR_FR_NUMBER = "+33757650100";

let api: ApiProcess;
let browser: Browser;
let page: Page;
let sandboxOrigin: string;

interface Watch {
  /** Elements to look at; the last one whose text contains `text` is followed. */
  selector: string;
  text?: string;
  /** Read the attribute on this descendant instead of the element itself. */
  inner?: string;
  attribute: string;
}

/** Records every value an attribute takes in the page, so fast transitions are not missed. */
async function watchAttribute(name: string, watch: Watch): Promise<void> {
  await page.evaluate(
    ({ name, watch }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[name] = seen;
      const record = () => {
        const matches = [...document.querySelectorAll(watch.selector)].filter((element) =>
          element.textContent?.includes(watch.text ?? ""),
        );
        const last = matches.at(-1);
        const target = last && watch.inner ? last.querySelector(watch.inner) : last;
        const value = target?.getAttribute(watch.attribute);
        if (value && seen.at(-1) !== value) seen.push(value);
      };
      record();
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    },
    { name, watch },
  );
}

function readWatched(name: string): Promise<string[]> {
  return page.evaluate((name) => (window as unknown as Record<string, string[]>)[name] ?? [], name);
}

async function sandboxInboundMessage(text: string): Promise<void> {
  const response = await fetch(`${sandboxOrigin}/sandbox/inbound-message`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from: LEAD_PHONE, to: OUR_FR_NUMBER, text }),
  });
  expect(response.status).toBeLessThan(300);
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  const banner = /built-in sandbox at (http:\/\/[^\s/]+)\/v2/.exec(api.output());
  if (!banner?.[1]) throw new Error(`No sandbox URL in the API banner:\n${api.output()}`);
  sandboxOrigin = banner[1];
  const context = await browser.newContext({ locale: "en-US" });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("calls and SMS, live", () => {
  it("logs the agent in and creates a lead on a number that answers", async () => {
    await logIn(page, api.url, "agent1@acme.test", "/leads");
    await page.locator("[data-testid=live-indicator][data-state=connected]").waitFor();
    await page.click("[data-testid=lead-create]");
    await page.fill("#lead-firstName", "Nadia");
    await page.fill("#lead-lastName", LEAD_LAST_NAME);
    await page.fill("#lead-phoneNumber", LEAD_PHONE);
    await page.click("[data-testid=lead-submit]");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    // From here on the page is never reloaded: everything below arrives over the socket.
    await page.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));
  });

  it("calls the lead from its row: initiated → ringing → answered live, mute/unmute, hang up", async () => {
    await page
      .locator("input[data-testid=leads-search], [data-testid=leads-search] input")
      .first()
      .fill(LEAD_LAST_NAME);
    const row = page.locator("tbody tr[data-row-key]", { hasText: LEAD_LAST_NAME });
    await row.waitFor();
    await row.locator("[data-testid=lead-call]").click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("[data-testid=call-from]").getByText("+33 7 57 65 01 00").waitFor();
    expect(await page.inputValue("#call-to")).toBe("+33 6 12 34 00 45");
    await watchAttribute("callStatuses", { selector: "[data-testid=live-call-status]", attribute: "data-status" });
    await page.click("[data-testid=place-call-submit]");

    const panel = page.locator("[data-testid=live-call-panel]");
    await panel.waitFor();
    // Answered, then bridged once the lead joins the agent's conference: both count as talking.
    await page
      .locator(
        "[data-testid=live-call-status][data-status=ANSWERED], [data-testid=live-call-status][data-status=BRIDGED]",
      )
      .waitFor({ timeout: 20_000 });
    const statuses = await readWatched("callStatuses");
    // ANSWERED may be superseded by BRIDGED before it is applied (both arrive together on a loaded machine).
    expect(statuses.some((s) => s === "ANSWERED" || s === "BRIDGED")).toBe(true);
    expect(["INITIATED", "RINGING"]).toContain(statuses[0]);
    // Never backwards: the observed order is a subsequence of the state machine's.
    const order = ["INITIATED", "RINGING", "ANSWERED", "BRIDGED"];
    expect(statuses.map((s) => order.indexOf(s))).toEqual([...statuses.map((s) => order.indexOf(s))].sort());
    await expect.poll(() => page.textContent("[data-testid=live-call-timer]"), { timeout: 15_000 }).not.toBe("0:00");
    expect(await panel.textContent()).toContain(`Nadia ${LEAD_LAST_NAME}`);

    await page.click("[data-testid=call-mute]");
    await page.locator("[data-testid=call-unmute]").waitFor();
    expect(await panel.textContent()).toContain("Muted");
    await page.click("[data-testid=call-unmute]");
    await page.locator("[data-testid=call-mute]").waitFor();

    await page.click("[data-testid=call-hangup]");
    await page.locator("[data-testid=live-call-panel][data-ended=true]").waitFor({ timeout: 15_000 });
    expect(await page.textContent("[data-testid=live-call-ended]")).toMatch(/Call ended · 0:\d\d/);
  });

  it("shows the ended call with duration, cost and a playable recording", async () => {
    await page.click("[data-testid=nav-calls]");
    const row = page.locator("[data-testid=calls-table] tbody tr[data-row-key]").first();
    await row.locator("[data-testid=call-status][data-status=ENDED]").waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(`Nadia ${LEAD_LAST_NAME}`);
    expect(await row.locator("[data-testid=call-duration]").textContent()).toMatch(/^0:\d\d$/);
    await expect
      .poll(() => row.locator("[data-testid=call-cost]").textContent(), { timeout: 20_000 })
      .toMatch(/^\$\d+\.\d{2,6}$/);

    await row.click();
    const audio = page.locator("[data-testid=call-drawer] audio[data-testid=call-recording]");
    await audio.waitFor({ timeout: 30_000 });
    const src = await audio.getAttribute("src");
    const status = await page.evaluate(
      async (url) => (await fetch(url!, { headers: { Range: "bytes=0-1023" } })).status,
      src,
    );
    expect([200, 206]).toContain(status);
    const seconds = await audio.evaluate(
      (element: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          if (element.readyState >= 1) return resolve(element.duration);
          element.addEventListener("loadedmetadata", () => resolve(element.duration));
          element.addEventListener("error", () => reject(new Error(`audio error ${element.error?.code}`)));
          element.load();
        }),
    );
    expect(seconds).toBeGreaterThan(0);
    expect(await page.textContent("[data-testid=call-detail-cost]")).toMatch(/^\$\d+\.\d{2,6}$/);
    await page.keyboard.press("Escape");
  });

  it("sends an SMS from the Messages page with a live segment counter", async () => {
    await page.click("[data-testid=nav-messages]");
    await page.click("[data-testid=send-sms]");
    await page.fill("#sms-to", LEAD_PHONE);
    const text = "Bonjour Nadia, merci pour votre appel. A demain !";
    await page.fill("#sms-text", text);
    const counter = () => page.textContent("[data-testid=sms-segments]");
    await expect.poll(counter).toBe(`1 SMS · ${text.length}/160 · GSM-7`);
    await page.fill("#sms-text", `${text} 🙂`);
    await expect.poll(counter).toContain("UCS-2");
    await page.fill("#sms-text", text);
    await page.locator("[data-testid=sms-from]").getByText("+33 7 57 65 01 00").waitFor();
    await page.click("[data-testid=send-sms-submit]");

    await page.waitForURL(/\/messages\?(lead|number)=/);
    const bubble = page.locator("[data-testid=message-bubble][data-direction=OUTBOUND]", {
      hasText: "merci pour votre appel",
    });
    await bubble.locator("[data-testid=message-status][data-status=DELIVERED]").waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-testid=thread-item]").first().textContent()).toContain("merci pour votre appel");
  });

  it("shows a reply sent from the thread going from queued to delivered live", async () => {
    const text = "Je vous envoie le devis ce soir.";
    await page.fill("[data-testid=thread-composer]", text);
    await expect
      .poll(() => page.textContent("[data-testid=thread-segments]"))
      .toBe(`1 SMS · ${text.length}/160 · GSM-7`);
    await watchAttribute("smsStatuses", {
      selector: "[data-testid=message-bubble][data-direction=OUTBOUND]",
      text,
      inner: "[data-testid=message-status]",
      attribute: "data-status",
    });
    await page.click("[data-testid=thread-send]");
    const bubble = page.locator("[data-testid=message-bubble][data-direction=OUTBOUND]", { hasText: text });
    await bubble.locator("[data-testid=message-status][data-status=DELIVERED]").waitFor({ timeout: 15_000 });
    const statuses = await readWatched("smsStatuses");
    expect(statuses[0]).toBe("QUEUED");
    expect(statuses.at(-1)).toBe("DELIVERED");
    expect(await page.inputValue("[data-testid=thread-composer]")).toBe("");
  });

  it("shows the lead's reply live in the open thread", async () => {
    await sandboxInboundMessage("Oui, rappelez-moi demain à 10 h.");
    const reply = page.locator("[data-testid=message-bubble][data-direction=INBOUND]", {
      hasText: "rappelez-moi demain",
    });
    await reply.waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-testid=thread-item]").first().textContent()).toContain("rappelez-moi demain");
  });

  it("toasts an inbound STOP elsewhere, opens the thread from it, and refuses the next send clearly", async () => {
    await page.click("[data-testid=nav-calls]");
    await page.locator("[data-testid=calls-table]").waitFor();
    await sandboxInboundMessage("STOP");
    const toast = page.locator("[data-testid=inbound-sms-toast]");
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toContain(`Nadia ${LEAD_LAST_NAME}`);
    await toast.click();
    await page.waitForURL(/\/messages\?(lead|number)=/);
    await page.locator("[data-testid=opted-out-banner]").waitFor({ timeout: 15_000 });

    await page.fill("[data-testid=thread-composer]", "Dernier message ?");
    await page.click("[data-testid=thread-send]");
    const error = page.locator("[data-testid=thread-send-error]");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/opted out/i);
    expect(await page.locator("[data-testid=message-bubble]", { hasText: "Dernier message" }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  });

  it("rings the agent for an inbound call with a toast; answering puts the call in the panel", async () => {
    // Only Available agents ring: the agent may still be in wrap-up after the earlier call (30 s), and says "ready".
    const status = page.locator("[data-testid=agent-status]");
    if ((await status.getAttribute("data-status")) !== "AVAILABLE")
      await page.click("[data-testid=agent-status-AVAILABLE]");
    await page.locator("[data-testid=agent-status][data-status=AVAILABLE]").waitFor({ timeout: 10_000 });
    const response = await fetch(`${sandboxOrigin}/sandbox/inbound-call`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Élodie Bérard, one of agent1's seeded leads.
      body: JSON.stringify({ from: "+33612345678", to: OUR_FR_NUMBER }),
    });
    expect(response.status).toBeLessThan(300);
    const toast = page.locator("[data-testid=incoming-call-toast]");
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toContain("Élodie Bérard is calling");
    await toast.locator("[data-testid=incoming-answer]").click();
    await page
      .locator(
        "[data-testid=live-call-status][data-status=ANSWERED], [data-testid=live-call-status][data-status=BRIDGED]",
      )
      .waitFor({ timeout: 15_000 });
    await toast.waitFor({ state: "detached" });
    expect(await page.textContent("[data-testid=live-call-panel]")).toContain("Élodie Bérard");
    await page.click("[data-testid=call-hangup]");
    await page.locator("[data-testid=live-call-panel][data-ended=true]").waitFor({ timeout: 15_000 });
  });
});
