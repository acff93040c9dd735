/**
 * English strings of the pages that are not on every screen, loaded with their route rather than
 * with the first page (French has them all in its own chunk already). Core, login, dashboard,
 * calls and messages strings are always there: the layout and the live layer use them.
 */
import type { PageMessages } from "./en";
import { i18n } from "./setup";

type Namespace = keyof PageMessages;

const LOADERS: { [N in Namespace]: () => Promise<PageMessages[N]> } = {
  leads: async () => (await import("../pages/leads/strings")).leadsStrings,
  numbers: async () => (await import("../pages/numbers/strings")).numbersStrings,
  connections: async () => (await import("../pages/connections/strings")).connectionsStrings,
  settings: async () => (await import("../pages/settings/strings")).settingsStrings,
  apiTokens: async () => (await import("../pages/settings/api-tokens/strings")).apiTokensStrings,
  audit: async () => (await import("../pages/audit/strings")).auditStrings,
  analytics: async () => (await import("../pages/analytics/strings")).analyticsStrings,
  wallboard: async () => (await import("../pages/wallboard/strings")).wallboardStrings,
  reports: async () => (await import("../pages/reports/strings")).reportsStrings,
  routing: async () => (await import("../pages/routing/strings")).routingStrings,
  callbacks: async () => (await import("../pages/callbacks/strings")).callbacksStrings,
};

const loaded = new Set<Namespace>();

export async function loadPageStrings(...namespaces: Namespace[]): Promise<void> {
  const missing = namespaces.filter((namespace) => !loaded.has(namespace));
  const bundles = await Promise.all(missing.map(async (namespace) => [namespace, await LOADERS[namespace]()] as const));
  if (bundles.length === 0) return;
  i18n.addResourceBundle("en", "translation", Object.fromEntries(bundles), true, true);
  for (const [namespace] of bundles) loaded.add(namespace);
}
