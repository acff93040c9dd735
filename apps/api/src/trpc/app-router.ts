import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { agentsRouter } from "../routers/agents/router";
import { auditRouter } from "../routers/audit/router";
import { authRouter } from "../routers/auth/router";
import { callbacksRouter } from "../routers/callbacks/router";
import { callsRouter } from "../routers/calls/router";
import { connectionsRouter } from "../routers/connections/router";
import { leadsRouter } from "../routers/leads/router";
import { messagesRouter } from "../routers/messages/router";
import { numbersRouter } from "../routers/numbers/router";
import { settingsRouter } from "../routers/settings/router";
import { softphoneRouter } from "../routers/softphone/router";
import { statsRouter } from "../routers/stats/router";
import { syncRouter } from "../routers/sync/router";
import { tokensRouter } from "../routers/tokens/router";
import { routingRouter } from "../routers/routing/router";
import { wallboardRouter } from "../routers/wallboard/router";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  leads: leadsRouter,
  calls: callsRouter,
  messages: messagesRouter,
  numbers: numbersRouter,
  connections: connectionsRouter,
  sync: syncRouter,
  settings: settingsRouter,
  audit: auditRouter,
  stats: statsRouter,
  wallboard: wallboardRouter,
  agents: agentsRouter,
  tokens: tokensRouter,
  softphone: softphoneRouter,
  routing: routingRouter,
  callbacks: callbacksRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
