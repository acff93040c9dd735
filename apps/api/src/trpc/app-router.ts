import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { authRouter } from "../routers/auth/router";
import { leadsRouter } from "../routers/leads/router";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  leads: leadsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
