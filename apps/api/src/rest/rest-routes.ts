import { appRouter } from "../trpc/app-router";
import { restRoutesOf, type RestRoute } from "./rest-route";

/** Every REST route, read from the procedures' `.meta({ rest })` (there is no table of routes of its own). */
export const REST_ROUTES: RestRoute[] = restRoutesOf(appRouter);
