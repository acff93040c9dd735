import type { Role } from "@app/db/client";

/** Who is calling: resolved from the session cookie or a Bearer API token, never from input. */
export interface AuthContext {
  userId: string;
  organizationId: string;
  role: Role;
  via: "session" | "token";
  sessionId?: string;
  tokenId?: string;
}

const RANK: Record<Role, number> = { AGENT: 1, SUPERVISOR: 2, ADMIN: 3 };

export function hasRole(actual: Role, minimum: Role): boolean {
  return RANK[actual] >= RANK[minimum];
}
