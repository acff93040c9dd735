import { leadRestRoutes } from "./routes/leads";
import type { RestRoute } from "./rest-route";

/** Every REST route; each domain keeps its list in ./routes/<domain>.ts. */
export const REST_ROUTES: RestRoute[] = [...leadRestRoutes];
