/**
 * Every page of the app rendered in French against the real API process and its Telnyx sandbox:
 * fails on a translation key the i18n layer reports missing, on common English UI words left in the
 * page, on English number formats and on stray Markdown backticks. The route list is read from the
 * router definition itself, so a new page is covered without touching this file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser";
import { startApiProcess, type ApiProcess } from "./support/api-process";
import { logIn } from "./support/log-in";

// Sandbox magic number: answers after 1 s, talks 4 s, then the far end hangs up (normal_clearing, by the callee).
const SHORT_CALL = "+33612340004";
const ROUTER_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/router.tsx");

/**
 * English words a French page must not show (whole words, case-sensitive). Chosen among the app's
 * own English strings and Telnyx codes; words spelt the same in French (Messages, Agent, Total, SMS)
 * are left out.
 */
const ENGLISH_WORDS = [
  "calls",
  "call",
  "shown",
  "Showing",
  "Available",
  "available",
  "Hang up",
  "hung up",
  "callee",
  "caller",
  "normal_clearing",
  "originator_cancel",
  "user_busy",
  "call_rejected",
  "Updated",
  "Loading",
  "Search",
  "Save",
  "Cancel",
  "Delete",
  "Edit",
  "Settings",
  "Dashboard",
  "Numbers",
  "Leads",
  "Status",
  "Duration",
  "Cost",
  "Timeline",
  "Recording",
  "answered",
  "Answered",
  "dialing",
  "connected",
  "Customer",
  "Inbound",
  "Outbound",
  "Ended",
  "Failed",
  "Busy",
  "Today",
  "Yesterday",
  "Week",
  "Month",
  "Calls",
  "Details",
  "Hung up by",
  "the",
  "and",
  "of",
  "with",
  "for",
  "your",
  "No data",
  "entries",
  "changes",
  "errors",
  "in total",
];

/** French words that end in s in the singular too ("0 sur 0 remis"). */
const SINGULAR_IN_S = new Set(["remis", "mis", "pris", "compris", "inclus", "fois", "mois", "pays", "temps", "sms"]);

/** Every path the router declares, children joined to their parents ("*" becomes an unknown address). */
function readRoutePaths(): string[] {
  const source = ts.createSourceFile(ROUTER_FILE, readFileSync(ROUTER_FILE, "utf8"), ts.ScriptTarget.Latest, true);
  const paths = new Set<string>();
  const propertyOf = (node: ts.ObjectLiteralExpression, name: string) =>
    node.properties.find(
      (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
    )?.initializer;
  const visitRoute = (node: ts.ObjectLiteralExpression, parent: string) => {
    const pathNode = propertyOf(node, "path");
    const own = pathNode && ts.isStringLiteral(pathNode) ? pathNode.text : "";
    const full = own.startsWith("/") ? own : `${parent.replace(/\/$/, "")}/${own}`;
    if (propertyOf(node, "lazy") || propertyOf(node, "Component"))
      paths.add(own === "*" ? `${parent.replace(/\/$/, "")}/no-such-page` : full || "/");
    const children = propertyOf(node, "children");
    if (children && ts.isArrayLiteralExpression(children))
      for (const child of children.elements) if (ts.isObjectLiteralExpression(child)) visitRoute(child, full || "/");
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.getText(source) === "createBrowserRouter") {
      const [routes] = node.arguments;
      if (routes && ts.isArrayLiteralExpression(routes))
        for (const route of routes.elements) if (ts.isObjectLiteralExpression(route)) visitRoute(route, "");
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...paths];
}

/** The English words and other tells found in a text, each with the words around it. */
function findEnglish(page: string): string[] {
  // Addresses (webhook URLs end in /calls) are not prose.
  const text = page.replace(/\b(?:https?|wss?):\/\/\S+/g, " ");
  const around = (index: number, length: number) =>
    JSON.stringify(text.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, " "));
  const found: string[] = [];
  for (const word of ENGLISH_WORDS) {
    const match = new RegExp(`(^|[^\\p{L}\\p{N}_])${word}($|[^\\p{L}\\p{N}_])`, "u").exec(text);
    if (match) found.push(`"${word}" in ${around(match.index, word.length)}`);
  }
  // English decimals ("4.50", "12.5 %"): French writes a comma. Phone numbers and dates use spaces or slashes.
  const decimal = /(?<![\d.:/])\d+\.\d+(?![\d.:/])/.exec(text);
  if (decimal) found.push(`English decimal in ${around(decimal.index, decimal[0].length)}`);
  // French singular for 0 and 1 ("1 appel affiché", not "1 appels affichés").
  for (const plural of text.matchAll(/(^|[^\d,.])[01] ([a-zàâçéèêëîïôûù]+s)(?![\p{L}])/gu))
    if (!SINGULAR_IN_S.has(plural[2] ?? ""))
      found.push(`plural after 0 or 1 in ${around(plural.index, plural[0].length)}`);
  const backtick = text.indexOf("`");
  if (backtick >= 0) found.push(`backtick in ${around(backtick, 1)}`);
  return found;
}

async function readPage(page: Page): Promise<{ text: string; missing: string[] }> {
  return page.evaluate(() => ({
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees (no hidden text)
    text: document.body.innerText,
    missing: [...((window as unknown as { __i18nMissingKeys?: string[] }).__i18nMissingKeys ?? [])],
  }));
}

/** Waits until the page has rendered its data: no spinner or skeleton left, and the network quiet. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-spin-spinning, .ant-skeleton")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

let api: ApiProcess;
let browser: Browser;
let page: Page;
const problems: Record<string, string[]> = {};

function record(where: string, found: string[]): void {
  if (found.length > 0) problems[where] = [...(problems[where] ?? []), ...found];
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiProcess(), launchChromium()]);
  // A French browser: the app picks French with no choice made in the header.
  const context = await browser.newContext({ locale: "fr-FR" });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("the whole app in French", () => {
  const routes = readRoutePaths();

  it("reads every page from the router", () => {
    expect(routes).toEqual(expect.arrayContaining(["/login", "/", "/calls", "/settings", "/no-such-page"]));
  });

  it("shows the login page in French, then logs the admin in", async () => {
    await page.goto(`${api.url}/login`);
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    const { text } = await readPage(page);
    record("/login", findEnglish(text));
    await page.fill("#login-email", "admin@acme.test");
    await page.fill("#login-password", "demo1234");
    await page.click("[data-testid=login-submit]");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  });

  it("places a short call that ends with a cost and a MOS, so the call pages have a full timeline", async () => {
    const created = await page.evaluate(async (to) => {
      const response = await fetch("/trpc/calls.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { to } }),
      });
      return { status: response.status, body: await response.text() };
    }, SHORT_CALL);
    expect(created.status, created.body).toBe(200);
    const callId = (JSON.parse(created.body) as { result: { data: { json: { id: string } } } }).result.data.json.id;
    await expect
      .poll(
        async () =>
          page.evaluate(async (id) => {
            const input = encodeURIComponent(JSON.stringify({ json: { id } }));
            const response = await fetch(`/trpc/calls.get?input=${input}`);
            const call = (await response.json()).result.data.json as { status: string; cost: string | null };
            return `${call.status} ${call.cost === null ? "no cost" : "cost"}`;
          }, callId),
        { timeout: 30_000, interval: 500 },
      )
      .toBe("ENDED cost");
  });

  it("shows every page without an English word or a missing translation", async () => {
    for (const route of routes.filter((r) => r !== "/login")) {
      await page.goto(`${api.url}${route}`);
      await settle(page);
      const { text, missing } = await readPage(page);
      record(route, findEnglish(text));
      record(
        route,
        missing.map((key) => `missing key ${key}`),
      );
    }
    expect(problems).toEqual({});
  });

  it("shows every page an agent sees, and the call and SMS dialogs with their validation, in French", async () => {
    const agentContext = await browser.newContext({ locale: "fr-FR" });
    const agent = await agentContext.newPage();
    try {
      await logIn(agent, api.url, "agent1@acme.test");
      for (const route of routes.filter((r) => r !== "/login")) {
        await agent.goto(`${api.url}${route}`);
        await settle(agent);
        const { text, missing } = await readPage(agent);
        record(`agent ${route}`, findEnglish(text));
        record(
          `agent ${route}`,
          missing.map((key) => `missing key ${key}`),
        );
      }
      // The dialogs an agent opens all day, submitted empty so their validation messages show too.
      for (const [route, opener, submit] of [
        ["/calls", "place-call", "place-call-submit"],
        ["/messages", "send-sms", "send-sms-submit"],
      ] as const) {
        await agent.goto(`${api.url}${route}`);
        await settle(agent);
        await agent.click(`[data-testid=${opener}]`);
        const dialog = agent.getByRole("dialog");
        await dialog.waitFor();
        await agent.click(`[data-testid=${submit}]`);
        await dialog.locator(".ant-form-item-explain-error").first().waitFor();
        // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees (no hidden text)
        const text = await dialog.innerText();
        const { missing } = await readPage(agent);
        record(`agent ${opener} dialog`, findEnglish(text));
        record(
          `agent ${opener} dialog`,
          missing.map((key) => `missing key ${key}`),
        );
      }
    } finally {
      await agentContext.close();
    }
    expect(problems).toEqual({});
  });

  it("shows a finished call in French: timeline, hangup cause and side, MOS with a decimal comma", async () => {
    await page.goto(`${api.url}/calls`);
    await settle(page);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees (no hidden text)
    const text = await page.locator("[data-testid=calls-table]").innerText();
    record("/calls table", findEnglish(text));
    await page.locator("[data-testid=calls-table] tbody tr[data-row-key]").first().click();
    await page.locator("[data-testid=call-timeline]").waitFor();
    await settle(page);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees (no hidden text)
    const drawer = await page.locator("[data-testid=call-drawer]").innerText();
    const { missing } = await readPage(page);
    record("call drawer", findEnglish(drawer));
    record(
      "call drawer",
      missing.map((key) => `missing key ${key}`),
    );
    expect(problems).toEqual({});
    expect(drawer).toContain("4,50");
  });
});
