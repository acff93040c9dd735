import { callRestRoutes } from "./routes/calls";
import { leadRestRoutes } from "./routes/leads";
import { messageRestRoutes } from "./routes/messages";
import { numberRestRoutes } from "./routes/numbers";
import { connectionRestRoutes } from "./routes/connections";
import { syncRestRoutes } from "./routes/sync";
import type { RestRoute } from "./rest-route";

/** Every REST route; each domain keeps its list in ./routes/<domain>.ts. */
export const REST_ROUTES: RestRoute[] = [
  ...leadRestRoutes,
  ...callRestRoutes,
  ...messageRestRoutes,
  ...numberRestRoutes,
  ...connectionRestRoutes,
  ...syncRestRoutes,
];
