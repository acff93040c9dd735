import type { RestRoute } from "../rest-route";

export const connectionRestRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/api/telnyx/connections",
    procedure: "connections.list",
    summary: "List Call Control applications and messaging profiles, with a live check of their webhooks",
    input: () => undefined,
  },
];
