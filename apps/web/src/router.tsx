import { createBrowserRouter } from "react-router";
import { loadPageStrings } from "./i18n/page-strings";
import { FullPageSpin } from "./layout/full-page-spin";

type StringsNamespace = Parameters<typeof loadPageStrings>[number];

/** A route's component chunk and the English strings only that route uses, fetched in parallel. */
async function withStrings<T>(page: Promise<T>, ...namespaces: StringsNamespace[]): Promise<T> {
  const [module] = await Promise.all([page, loadPageStrings(...namespaces)]);
  return module;
}

// Every page is its own chunk, so /login downloads neither the layout nor the leads table.
export const router = createBrowserRouter([
  {
    HydrateFallback: FullPageSpin,
    children: [
      {
        path: "/login",
        lazy: async () => ({ Component: (await import("./pages/login/login-page")).LoginPage }),
      },
      // Full screen, outside the app layout: the TV wallboard (kiosk links need no login) and printable reports.
      {
        path: "/wallboard",
        lazy: async () => ({
          Component: (await withStrings(import("./pages/wallboard/wallboard-page"), "wallboard")).WallboardPage,
        }),
      },
      {
        path: "/reports/monthly-cost",
        lazy: async () => ({
          Component: (await withStrings(import("./pages/reports/monthly-cost-report"), "reports", "analytics"))
            .MonthlyCostReport,
        }),
      },
      {
        path: "/reports/daily-activity",
        lazy: async () => ({
          Component: (
            await withStrings(import("./pages/reports/daily-activity-report"), "reports", "analytics", "wallboard")
          ).DailyActivityReport,
        }),
      },
      {
        path: "/",
        lazy: async () => ({ Component: (await import("./layout/app-layout")).AppLayout }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import("./pages/dashboard/dashboard-page")).DashboardPage }),
          },
          {
            path: "analytics",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/analytics/analytics-page"), "analytics")).AnalyticsPage,
            }),
          },
          {
            path: "calls",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/calls/calls-page"), "leads")).CallsPage,
            }),
          },
          {
            path: "callbacks",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/callbacks/callbacks-page"), "callbacks")).CallbacksPage,
            }),
          },
          {
            path: "messages",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/messages/messages-page"), "leads")).MessagesPage,
            }),
          },
          {
            path: "numbers",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/numbers/numbers-page"), "numbers")).NumbersPage,
            }),
          },
          {
            path: "connections",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/connections/connections-page"), "connections"))
                .ConnectionsPage,
            }),
          },
          {
            path: "leads",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/leads/leads-page"), "leads")).LeadsPage,
            }),
          },
          {
            path: "settings",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/settings/settings-page"), "settings", "apiTokens"))
                .SettingsPage,
            }),
          },
          {
            path: "settings/routing",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/routing/routing-page"), "routing")).RoutingPage,
            }),
          },
          {
            path: "audit",
            lazy: async () => ({
              Component: (await withStrings(import("./pages/audit/audit-page"), "audit")).AuditPage,
            }),
          },
          { path: "*", lazy: async () => ({ Component: (await import("./pages/not-found-page")).NotFoundPage }) },
        ],
      },
    ],
  },
]);
