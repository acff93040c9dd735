import { createBrowserRouter } from "react-router";
import { FullPageSpin } from "./layout/full-page-spin";

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
      { path: "/wallboard", lazy: async () => ({ Component: (await import("./pages/wallboard/wallboard-page")).WallboardPage }) },
      { path: "/reports/monthly-cost", lazy: async () => ({ Component: (await import("./pages/reports/monthly-cost-report")).MonthlyCostReport }) },
      { path: "/reports/daily-activity", lazy: async () => ({ Component: (await import("./pages/reports/daily-activity-report")).DailyActivityReport }) },
      {
        path: "/",
        lazy: async () => ({ Component: (await import("./layout/app-layout")).AppLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import("./pages/dashboard/dashboard-page")).DashboardPage }) },
          { path: "analytics", lazy: async () => ({ Component: (await import("./pages/analytics/analytics-page")).AnalyticsPage }) },
          { path: "calls", lazy: async () => ({ Component: (await import("./pages/calls/calls-page")).CallsPage }) },
          { path: "messages", lazy: async () => ({ Component: (await import("./pages/messages/messages-page")).MessagesPage }) },
          { path: "numbers", lazy: async () => ({ Component: (await import("./pages/numbers/numbers-page")).NumbersPage }) },
          { path: "connections", lazy: async () => ({ Component: (await import("./pages/connections/connections-page")).ConnectionsPage }) },
          { path: "leads", lazy: async () => ({ Component: (await import("./pages/leads/leads-page")).LeadsPage }) },
          { path: "settings", lazy: async () => ({ Component: (await import("./pages/settings/settings-page")).SettingsPage }) },
          { path: "audit", lazy: async () => ({ Component: (await import("./pages/audit/audit-page")).AuditPage }) },
          { path: "*", lazy: async () => ({ Component: (await import("./pages/not-found-page")).NotFoundPage }) },
        ],
      },
    ],
  },
]);
