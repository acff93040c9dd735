import { createBrowserRouter, type RouteObject } from "react-router";
import { FullPageSpin } from "./layout/full-page-spin";
import type { PlaceholderKey } from "./pages/placeholder/placeholder-page";

// Every page is its own chunk, so /login downloads neither the layout nor the leads table.
function placeholderRoute(page: PlaceholderKey): Pick<RouteObject, "lazy"> {
  return {
    lazy: async () => {
      const { PlaceholderPage } = await import("./pages/placeholder/placeholder-page");
      return { Component: () => <PlaceholderPage page={page} /> };
    },
  };
}

export const router = createBrowserRouter([
  {
    HydrateFallback: FullPageSpin,
    children: [
      {
        path: "/login",
        lazy: async () => ({ Component: (await import("./pages/login/login-page")).LoginPage }),
      },
      {
        path: "/",
        lazy: async () => ({ Component: (await import("./layout/app-layout")).AppLayout }),
        children: [
          { index: true, ...placeholderRoute("dashboard") },
          { path: "calls", ...placeholderRoute("calls") },
          { path: "messages", ...placeholderRoute("messages") },
          { path: "numbers", ...placeholderRoute("numbers") },
          { path: "connections", ...placeholderRoute("connections") },
          { path: "leads", lazy: async () => ({ Component: (await import("./pages/leads/leads-page")).LeadsPage }) },
          { path: "wallboard", ...placeholderRoute("wallboard") },
          { path: "settings", ...placeholderRoute("settings") },
          { path: "*", lazy: async () => ({ Component: (await import("./pages/not-found-page")).NotFoundPage }) },
        ],
      },
    ],
  },
]);
