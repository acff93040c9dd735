/**
 * Kiosk links: a wall screen shows the wallboard without anyone logged in. The token is shown once
 * and stored as its sha256; it opens wallboard.snapshot and a read-only socket, nothing else.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";

export const hashKioskToken = (token: string) => createHash("sha256").update(token).digest("hex");

const kioskLinkSelect = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function listKioskLinks(options: { db: Db; actor: Actor }) {
  return options.db.prisma.kioskToken.findMany({
    where: { organizationId: options.actor.organizationId },
    select: kioskLinkSelect,
    orderBy: { createdAt: "desc" },
  });
}

export async function createKioskLink(options: { db: Db; actor: Actor; name: string }) {
  const { db, actor, name } = options;
  const token = `kiosk_${randomBytes(32).toString("base64url")}`;
  const link = await db.prisma.kioskToken.create({
    data: { organizationId: actor.organizationId, name, tokenHash: hashKioskToken(token), createdById: actor.userId },
    select: { id: true, name: true },
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "kiosk.create",
    targetType: "kiosk",
    targetId: link.id,
    ip: actor.ip,
    details: { name },
  });
  return { ...link, token, url: `/wallboard?kiosk=${encodeURIComponent(token)}` };
}

/** Revokes a link; the caller disconnects its open sockets. */
export async function revokeKioskLink(options: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = options;
  const link = await db.prisma.kioskToken.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: { id: true, revokedAt: true },
  });
  if (!link) throw new AppError("NOT_FOUND", "This kiosk link does not exist.");
  const updated = await db.prisma.kioskToken.update({
    where: { id },
    data: { revokedAt: link.revokedAt ?? new Date() },
    select: kioskLinkSelect,
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "kiosk.revoke",
    targetType: "kiosk",
    targetId: id,
    ip: actor.ip,
  });
  return updated;
}

/** A kiosk token → its link and organization, or null (unknown or revoked). Marks it used. */
export async function resolveKioskToken(
  db: Db,
  token: string,
): Promise<{ kioskId: string; organizationId: string } | null> {
  if (!token.startsWith("kiosk_")) return null;
  const link = await db.prisma.kioskToken.findUnique({
    where: { tokenHash: hashKioskToken(token) },
    select: { id: true, organizationId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!link || link.revokedAt) return null;
  // Throttled: at most one write a minute per link.
  if (!link.lastUsedAt || Date.now() - link.lastUsedAt.getTime() > 60_000) {
    await db.prisma.kioskToken.update({ where: { id: link.id }, data: { lastUsedAt: new Date() } });
  }
  return { kioskId: link.id, organizationId: link.organizationId };
}

export async function setSlaThreshold(options: { db: Db; actor: Actor; seconds: number }) {
  const { db, actor, seconds } = options;
  await db.prisma.organization.update({ where: { id: actor.organizationId }, data: { slaThresholdSecs: seconds } });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "wallboard.set_sla_threshold",
    targetType: "organization",
    targetId: actor.organizationId,
    ip: actor.ip,
    details: { seconds },
  });
  return { thresholdSecs: seconds };
}
