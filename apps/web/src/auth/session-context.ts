import { createContext, useContext } from "react";
import type { Me } from "./session-cache";

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user, organization and role; only valid under <RequireAuth>. */
export function useSession(): Me {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() must be used under <RequireAuth>");
  return session;
}
