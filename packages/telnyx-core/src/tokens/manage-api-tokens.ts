import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import {
  apiTokenSelect,
  toApiTokenDto,
  type TApiToken,
  type TApiTokenCreate,
  type TApiTokenCreated,
} from "./token-schemas";

const RANK = { AGENT: 1, SUPERVISOR: 2, ADMIN: 3 } as const;
/** Characters of the plain token kept for display ("tcrm_AbCd…"). */
const PREFIX_LENGTH = 12;

export async function listApiTokens(options: { db: Db; actor: Actor }): Promise<TApiToken[]> {
  const rows = await options.db.prisma.apiToken.findMany({
    where: { organizationId: options.actor.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: apiTokenSelect,
  });
  return rows.map(toApiTokenDto);
}

/**
 * `secret` is minted by the caller (the API owns token format and hashing); only its hash and
 * a short prefix are stored, so the plain token exists once, in this answer.
 */
export async function createApiToken(options: {
  db: Db;
  actor: Actor;
  input: TApiTokenCreate;
  secret: { token: string; tokenHash: string };
}): Promise<TApiTokenCreated> {
  const { db, actor, input, secret } = options;
  if (RANK[input.role] > RANK[actor.role]) {
    throw new AppError("FORBIDDEN", `A token cannot have more rights than its creator: your role is ${actor.role}.`, {
      fieldErrors: { role: ["role_above_creator"] },
    });
  }
  const row = await db.prisma.apiToken.create({
    data: {
      organizationId: actor.organizationId,
      userId: actor.userId,
      name: input.name,
      role: input.role,
      expiresAt: input.expiresAt ?? null,
      tokenHash: secret.tokenHash,
      prefix: secret.token.slice(0, PREFIX_LENGTH),
    },
    select: apiTokenSelect,
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "token.create",
    targetType: "api_token",
    targetId: row.id,
    ip: actor.ip,
    details: { name: row.name, role: row.role, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { token: secret.token, item: toApiTokenDto(row) };
}

/** Idempotent: revoking a revoked token keeps its first revocation date. */
export async function revokeApiToken(options: { db: Db; actor: Actor; id: string }): Promise<TApiToken> {
  const { db, actor, id } = options;
  const existing = await db.prisma.apiToken.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: { id: true, revokedAt: true },
  });
  if (!existing) throw new AppError("NOT_FOUND", "This API token does not exist.");
  const row = existing.revokedAt
    ? await db.prisma.apiToken.findUniqueOrThrow({ where: { id }, select: apiTokenSelect })
    : await db.prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: apiTokenSelect });
  if (!existing.revokedAt) {
    await recordAudit(db, {
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: "token.revoke",
      targetType: "api_token",
      targetId: id,
      ip: actor.ip,
    });
  }
  return toApiTokenDto(row);
}
