/** The caller as domain code sees it: taken from the session, never from input. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: "ADMIN" | "SUPERVISOR" | "AGENT";
  ip?: string;
}
