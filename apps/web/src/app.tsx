import { useState } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router/dom";
import { endSession } from "./auth/session-cache";
import { LocaleProvider } from "./i18n/locale-provider";
import { createQueryClient, createTrpcClient, trpc } from "./lib/trpc";
import { router } from "./router";

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient(() => endSession(client));
    return client;
  });
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <RouterProvider router={router} />
        </LocaleProvider>
      </QueryClientProvider>
    </trpc.Provider>
  );
}
