/**
 * Typed tRPC client (types only from @app/api) and the React Query client: no retries for 4xx,
 * and a lost session anywhere sends the app back to /login through `onSessionLost`.
 */
import type { AppRouter } from "@app/api/router";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { MAX_TRPC_BATCH_SIZE, MAX_TRPC_URL_LENGTH } from "@app/telnyx-core/api/batch-limits";
import { createTRPCReact } from "@trpc/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import { env } from "../env";
import { isSessionLost, shouldRetry } from "./app-error";

export const trpc = createTRPCReact<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The API's batch link; long batches (a cost per table row) split into several requests, within the server's limits. */
export function apiBatchLink(options: Pick<Parameters<typeof httpBatchLink>[0], "headers" | "fetch"> = {}) {
  return httpBatchLink({
    url: env.trpcUrl,
    transformer: superjson,
    maxURLLength: MAX_TRPC_URL_LENGTH,
    maxItems: MAX_TRPC_BATCH_SIZE,
    ...options,
  });
}

export function createTrpcClient() {
  return trpc.createClient({
    links: [apiBatchLink({ fetch: (url, options) => fetch(url, { ...options, credentials: "include" }) })],
  });
}

export function createQueryClient(onSessionLost: () => void): QueryClient {
  const handleError = (error: unknown) => {
    if (isSessionLost(error)) onSessionLost();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
