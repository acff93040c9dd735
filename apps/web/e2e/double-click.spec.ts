/**
 * No double actions (issue 15): a double click on "Create lead", "Call" and "Send" in the browser makes exactly one
 * lead, one call and one SMS, counted through the API once every request the clicks started has finished.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Request } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

// Sandbox magic number: answers after 1 s and talks 5 s.
const LEAD_PHONE = "+33612340005";
const LEAD_LAST_NAME = "Double-Click-E2E";
const SMS_TEXT = "Un seul message, même après un double clic.";

let api: ApiProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  const context = await browser.newContext({ locale: "en-US" });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/** Double-clicks `selector`, then waits for every request to `procedure` it started to get its answer. */
async function doubleClickAndSettle(selector: string, procedure: string): Promise<number> {
  const pending: Promise<unknown>[] = [];
  const onRequest = (request: Request) => {
    if (request.url().includes(`/trpc/`) && request.url().includes(procedure))
      pending.push(request.response().then((response) => response?.finished()));
  };
  page.on("request", onRequest);
  await page.dblclick(selector);
  await expect.poll(() => pending.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await Promise.all(pending);
  page.off("request", onRequest);
  return pending.length;
}

/** GET on the REST face with the browser's session. */
function apiGet<T>(path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: "include" })).json(), path) as Promise<T>;
}

describe("double clicks act once", () => {
  it("Create lead: one lead", async () => {
    await logIn(page, api.url, "agent1@acme.test", "/leads");
    await page.click("[data-testid=lead-create]");
    await page.fill("#lead-firstName", "Once");
    await page.fill("#lead-lastName", LEAD_LAST_NAME);
    await page.fill("#lead-phoneNumber", LEAD_PHONE);
    await page.locator("#lead-phoneNumber").blur();
    await doubleClickAndSettle("[data-testid=lead-submit]", "leads.create");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    const leads = await apiGet<{ data: { items: { lastName: string }[] } }>(`/api/leads?search=${LEAD_LAST_NAME}`);
    expect(leads.data.items.filter((lead) => lead.lastName === LEAD_LAST_NAME)).toHaveLength(1);
  });

  it("Call: one call", async () => {
    await page
      .locator("input[data-testid=leads-search], [data-testid=leads-search] input")
      .first()
      .fill(LEAD_LAST_NAME);
    const row = page.locator("tbody tr[data-row-key]", { hasText: LEAD_LAST_NAME });
    await row.waitFor();
    await row.locator("[data-testid=lead-call]").click();
    await page.getByRole("dialog").locator("[data-testid=call-from]").getByText("+33 7 57 65 01 00").waitFor();
    await doubleClickAndSettle("[data-testid=place-call-submit]", "calls.create");
    await page.locator("[data-testid=live-call-panel]").waitFor();
    const calls = await apiGet<{ data: { items: { toNumber: string }[] } }>("/api/telnyx/calls?limit=50");
    expect(calls.data.items.filter((call) => call.toNumber === LEAD_PHONE)).toHaveLength(1);
  });

  it("Send: one SMS", async () => {
    const row = page.locator("tbody tr[data-row-key]", { hasText: LEAD_LAST_NAME });
    await row.locator("[data-testid=lead-sms]").click();
    await page.fill("#sms-text", SMS_TEXT);
    await page.getByRole("dialog").locator("[data-testid=sms-from]").getByText("+33 7 57 65 01 00").waitFor();
    await doubleClickAndSettle("[data-testid=send-sms-submit]", "messages.send");
    const messages = await apiGet<{ data: { items: { text: string }[] } }>(
      "/api/telnyx/messages?limit=50&direction=OUTBOUND",
    );
    expect(messages.data.items.filter((message) => message.text === SMS_TEXT)).toHaveLength(1);
  });
});
