/**
 * The softphone's Telnyx side through the real API process and its built-in sandbox: an agent's first token request
 * sets up the organization's credential connection, which the admin then sees on the Connections page, deletes
 * (confirmed) and creates again from there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

let api: ApiProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function softphoneToken(page: Page): Promise<{ token: string; sipUsername: string; expiresAt: string }> {
  const response = await page.request.get(`${api.url}/api/telnyx/softphone/token`, { headers: { origin: api.url } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: { token: string; sipUsername: string; expiresAt: string } }).data;
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe("softphone connection", () => {
  it("is set up by an agent's first token, shown to the admin, deleted and created again from the Connections page", async () => {
    const agent = await openPage();
    await logIn(agent, api.url, "agent1@acme.test");
    const first = await softphoneToken(agent);
    expect(first.sipUsername).toMatch(/^gencred/);
    expect(first.token.split(".")).toHaveLength(3);
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const admin = await openPage();
    await logIn(admin, api.url, "admin@acme.test", "/connections");
    const section = admin.locator("[data-testid=connections-credentials]");
    const item = section.locator("[data-testid=connection-item]");
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.first().textContent()).toContain("CRM softphone");
    expect(await item.first().getAttribute("data-check")).toBe("ok");

    await item.first().locator("[data-testid=connection-delete]").click();
    await admin.click("[data-testid=connection-delete-confirm]");
    await section.getByText("No softphone connection yet").waitFor();

    await section.locator("[data-testid=connection-create-credentials]").click();
    await admin.fill("#connection-name", "Agents' browsers");
    await admin.click("[data-testid=connection-create-submit]");
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain("Agents' browsers");

    // The agent's next token is on a new credential, on the connection the admin created.
    const again = await softphoneToken(agent);
    expect(again.sipUsername).not.toBe(first.sipUsername);
  });
});
