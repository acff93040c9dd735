import type { Db } from "@app/db/open-db";
import { hasRole, type AuthContext } from "./auth-context";
import { generateToken, hashToken } from "./tokens";

export const SESSION_COOKIE = "tcrm_session";

export interface CreatedSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  input: { userId: string; organizationId: string; ttlHours: number; ip?: string; userAgent?: string },
): Promise<CreatedSession> {
  const token = generateToken("ses");
  const expiresAt = new Date(Date.now() + input.ttlHours * 3_600_000);
  await db.prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      organizationId: input.organizationId,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
    },
  });
  return { token, expiresAt };
}

/** Deletes the session of this token; returns its id (its sockets are closed with it) or undefined. */
export async function deleteSession(db: Db, token: string): Promise<string | undefined> {
  const session = await db.prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true } });
  if (!session) return undefined;
  await db.prisma.session.deleteMany({ where: { id: session.id } });
  return session.id;
}

const TOUCH_INTERVAL_MS = 5 * 60_000;

/** Session cookie → caller. The membership is re-read so a removed member loses access at once. */
export async function resolveSession(db: Db, token: string): Promise<AuthContext | null> {
  const session = await db.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, organizationId: true, expiresAt: true, lastSeenAt: true },
  });
  if (!session || session.expiresAt <= new Date()) return null;
  const membership = await db.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: session.organizationId, userId: session.userId } },
    select: { role: true },
  });
  if (!membership) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  return {
    userId: session.userId,
    organizationId: session.organizationId,
    role: membership.role,
    via: "session",
    sessionId: session.id,
  };
}

/**
 * `Authorization: Bearer <token>` → caller, for scripts and internal tools. The token acts with the
 * lower of its own role and its owner's CURRENT role (re-read at every use): demoting the owner
 * demotes their tokens, removing the membership disables them.
 */
export async function resolveApiToken(db: Db, token: string): Promise<AuthContext | null> {
  const apiToken = await db.prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      organizationId: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!apiToken || apiToken.revokedAt || (apiToken.expiresAt && apiToken.expiresAt <= new Date())) return null;
  const membership = await db.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: apiToken.organizationId, userId: apiToken.userId } },
    select: { role: true },
  });
  if (!membership) return null;
  if (!apiToken.lastUsedAt || Date.now() - apiToken.lastUsedAt.getTime() > 60_000) {
    await db.prisma.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: new Date() } });
  }
  const role = hasRole(membership.role, apiToken.role) ? apiToken.role : membership.role;
  return { userId: apiToken.userId, organizationId: apiToken.organizationId, role, via: "token", tokenId: apiToken.id };
}

export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** A cookie's value; a malformed one (bad percent-encoding) reads as absent, i.e. signed out. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** One resolver for HTTP requests and socket handshakes: a Bearer token wins over the cookie. */
export async function resolveCaller(
  db: Db,
  headers: { authorization?: string; cookie?: string },
): Promise<AuthContext | null> {
  const bearer = bearerTokenOf(headers.authorization);
  if (bearer) return resolveApiToken(db, bearer);
  const cookie = cookieValue(headers.cookie, SESSION_COOKIE);
  return cookie ? resolveSession(db, cookie) : null;
}
