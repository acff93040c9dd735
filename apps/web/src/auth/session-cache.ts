import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { trpc, type RouterOutputs } from "../lib/trpc";

export type Me = NonNullable<RouterOutputs["auth"]["me"]>;

function getMeKey(): QueryKey {
  return getQueryKey(trpc.auth.me, undefined, "query");
}

function isMeQuery(queryKey: QueryKey): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && path[0] === "auth" && path[1] === "me";
}

/** Switches the cache to another session: nothing from the previous user survives. */
export function startSession(queryClient: QueryClient, me: Me): void {
  queryClient.removeQueries({ predicate: (query) => !isMeQuery(query.queryKey) });
  queryClient.setQueryData(getMeKey(), me);
}

/** Marks the session as gone; the route guard then redirects to /login. */
export function endSession(queryClient: QueryClient): void {
  queryClient.setQueryData(getMeKey(), null);
}
