/**
 * Presence owned by the server (issue 15), in Chromium against the real API process: an agent logs
 * in and their header shows the server's state, the supervisor's wallboard shows the same; a click in
 * the header changes it for both; closing the agent's browser sets them Offline on the wallboard
 * once the offline grace has passed. The API runs with PRESENCE_OFFLINE_GRACE_MS=6000 (the default is
 * 30 s, which the "Offline within 35 s" is about) so the test does not wait half a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

// Short for the test, long enough that a loaded CI machine cannot outlast it by accident (the default is 30 s).
const GRACE_MS = 6_000;

let api: ApiProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
let supervisor: Page;
let agentContext: BrowserContext;
let agent: Page;

async function openPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "en-US" });
  contexts.push(context);
  return { context, page: await context.newPage() };
}

const boardRow = (name: string) => supervisor.locator("[data-testid=wallboard-agent]", { hasText: name });
const boardStatus = (name: string) => boardRow(name).getAttribute("data-status");
const headerStatus = (page: Page) => page.locator("[data-testid=agent-status]").getAttribute("data-status");

beforeAll(async () => {
  [api, browser] = await Promise.all([
    startApiProcess({ PRESENCE_OFFLINE_GRACE_MS: String(GRACE_MS) }),
    launchChromium(),
  ]);
  supervisor = (await openPage()).page;
  ({ context: agentContext, page: agent } = await openPage());
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe("presence owned by the server", () => {
  it("shows a supervisor an agent who never connected as Offline", async () => {
    await logIn(supervisor, api.url, "supervisor@acme.test", "/wallboard");
    await supervisor.locator("[data-testid=wallboard][data-mode=supervisor]").waitFor();
    await boardRow("Thomas Dubois").waitFor();
    expect(await boardStatus("Thomas Dubois")).toBe("OFFLINE");
  });

  it("shows the supervisor's own header and their row on the wallboard the same state, changed from the header", async () => {
    const home = await supervisor.context().newPage();
    await home.goto(`${api.url}/`);
    await home.locator("[data-testid=agent-status][data-status=AVAILABLE]").waitFor({ timeout: 15_000 });
    await expect.poll(() => boardStatus("Sophie Lefèvre"), { timeout: 15_000 }).toBe("AVAILABLE");
    await home.click("[data-testid=agent-status-AWAY]");
    await home.locator("[data-testid=agent-status][data-status=AWAY]").waitFor({ timeout: 15_000 });
    await expect.poll(() => boardStatus("Sophie Lefèvre"), { timeout: 15_000 }).toBe("AWAY");
    await home.close();
  });

  it("shows the agent's header and the wallboard the server's state once the agent is connected", async () => {
    await logIn(agent, api.url, "agent1@acme.test", "/");
    await agent.locator("[data-testid=live-indicator][data-state=connected]").waitFor();
    await agent.locator("[data-testid=agent-status][data-status=AVAILABLE]").waitFor({ timeout: 15_000 });
    await expect.poll(() => boardStatus("Thomas Dubois"), { timeout: 15_000 }).toBe("AVAILABLE");
  });

  it("changes the state on the server from the header: the wallboard follows", async () => {
    await agent.click("[data-testid=agent-status-AWAY]");
    await agent.locator("[data-testid=agent-status][data-status=AWAY]").waitFor({ timeout: 15_000 });
    await expect.poll(() => boardStatus("Thomas Dubois"), { timeout: 15_000 }).toBe("AWAY");
    // A reload reads the server's state again: still Away, not a default.
    await agent.reload();
    await agent.locator("[data-testid=agent-status][data-status=AWAY]").waitFor({ timeout: 15_000 });
    await agent.click("[data-testid=agent-status-AVAILABLE]");
    await expect.poll(() => boardStatus("Thomas Dubois"), { timeout: 15_000 }).toBe("AVAILABLE");
    expect(await headerStatus(agent)).toBe("AVAILABLE");
  });

  it("sets an agent who closed their browser Offline on the wallboard once the grace has passed", async () => {
    const closedAt = Date.now();
    await agentContext.close();
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS / 4));
    expect(await boardStatus("Thomas Dubois")).toBe("AVAILABLE");
    await expect
      .poll(() => boardStatus("Thomas Dubois"), { timeout: GRACE_MS + 10_000, interval: 100 })
      .toBe("OFFLINE");
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(GRACE_MS);
  });
});
