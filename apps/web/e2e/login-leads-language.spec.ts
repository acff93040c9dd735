import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";

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

describe("first steps in the browser", () => {
  it("prints the demo logins at start", () => {
    expect(api.output()).toContain("admin@acme.test");
  });

  it("refuses a wrong password with a clear message, then logs the admin in", async () => {
    await page.goto(`${api.url}/leads`);
    await page.waitForURL(/\/login/);
    await page.fill("#login-email", "admin@acme.test");
    await page.fill("#login-password", "wrong-password");
    await page.click("[data-testid=login-submit]");
    await page.getByText("Wrong email or password").waitFor();
    await page.fill("#login-password", "demo1234");
    await page.click("[data-testid=login-submit]");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.locator("[data-testid=live-indicator][data-state=connected]").waitFor();
  });

  it("creates a lead, rejecting a bad phone number first, and finds it by search", async () => {
    await page.goto(`${api.url}/leads`);
    await page.click("[data-testid=lead-create]");
    await page.fill("#lead-firstName", "Gaëlle");
    await page.fill("#lead-lastName", "Quintard-E2E");
    await page.fill("#lead-company", "Crêperie du Port");
    await page.fill("#lead-phoneNumber", "12345");
    await page.click("[data-testid=lead-submit]");
    await page
      .getByText(/Enter a valid phone number/)
      .first()
      .waitFor();
    await page.fill("#lead-phoneNumber", "+33 6 98 76 54 32");
    await page.click("[data-testid=lead-submit]");
    await page.getByRole("dialog").waitFor({ state: "hidden" });

    await page.locator("input[data-testid=leads-search], [data-testid=leads-search] input").first().fill("quintard");
    const row = page.locator("tr", { hasText: "Quintard-E2E" });
    await row.waitFor();
    // The search is server-side and debounced: other leads leave the table.
    await page.locator("tbody tr", { hasText: "Bérard" }).first().waitFor({ state: "detached" });
    expect(await page.locator("tbody tr[data-row-key]").count()).toBe(1);
    expect(await row.textContent()).toContain("+33 6 98 76 54 32");
  });

  it("sets the agent's own device in the profile, refusing an invalid one", async () => {
    await page.click("[data-testid=profile-open]");
    const device = page.locator("[data-testid=profile-agent-device]");
    await device.fill("call me");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Enter a phone number in international format or a SIP address").waitFor();
    await device.fill("sip:alice@acme.sip.telnyx.com");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Profile saved.").waitFor();
  });

  it("switches the interface to French", async () => {
    await page.locator("[data-testid=lang-switch]").getByText("Français", { exact: true }).click();
    await page.getByText("Prospects").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
  });
});
