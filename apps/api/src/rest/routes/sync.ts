import type { RestRoute } from "../rest-route";

export const syncRestRoutes: RestRoute[] = [
  {
    method: "POST",
    path: "/api/telnyx/sync",
    procedure: "sync.run",
    summary: "Reconcile numbers, applications, profiles, calls and messages with Telnyx (runs in the background)",
    successStatus: 202,
    input: () => undefined,
  },
];
