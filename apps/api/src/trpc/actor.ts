import type { Actor } from "@app/telnyx-core/domain/actor";
import type { AuthContext } from "../auth/auth-context";

export function actorOf(ctx: { auth: AuthContext; ip: string }): Actor {
  return { userId: ctx.auth.userId, organizationId: ctx.auth.organizationId, role: ctx.auth.role, ip: ctx.ip };
}
