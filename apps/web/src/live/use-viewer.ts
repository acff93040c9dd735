import { useSession } from "../auth/session-context";
import type { Viewer } from "./call-cache";

/** The signed-in user as the live layer needs it (who may see which call). */
export function useViewer(): Viewer {
  const { user, role } = useSession();
  return { userId: user.id, role };
}
