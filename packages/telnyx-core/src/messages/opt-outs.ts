/**
 * The SMS opt-out list, checked before every send. Contacts maintain it with keywords (STOP /
 * START, applied from message.received); supervisors can also add or remove a number by hand.
 */
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { Publisher } from "../realtime/events";
import type { Emit, Tx } from "../webhooks/apply-types";
import type { TOptOutList, TOptOutState } from "./message-schemas";

const STOP_KEYWORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const START_KEYWORDS = new Set(["START", "UNSTOP", "YES"]);

export type OptOutKeyword = { action: "opt-out" | "opt-in"; keyword: string };

/** The keyword a whole inbound message amounts to (case-insensitive, trimmed), if any. HELP/INFO: Telnyx answers them itself. */
export function optOutKeywordOf(text: string): OptOutKeyword | null {
  const word = text.trim().toUpperCase();
  if (STOP_KEYWORDS.has(word)) return { action: "opt-out", keyword: word };
  if (START_KEYWORDS.has(word)) return { action: "opt-in", keyword: word };
  return null;
}

export function optedOutMessage(phoneNumber: string): string {
  return `${phoneNumber} replied STOP and opted out of SMS; they must text START to opt back in.`;
}

export async function isOptedOut(prisma: Tx, organizationId: string, phoneNumber: string): Promise<boolean> {
  const row = await prisma.optOut.findUnique({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber } },
    select: { id: true },
  });
  return row !== null;
}

export async function assertNotOptedOut(db: Db, organizationId: string, phoneNumber: string): Promise<void> {
  if (await isOptedOut(db.prisma, organizationId, phoneNumber))
    throw new AppError("OPTED_OUT", optedOutMessage(phoneNumber));
}

/** Inside the webhook transaction: a STOP/START keyword from `phoneNumber`. */
export async function applyOptOutKeyword(
  tx: Tx,
  organizationId: string,
  phoneNumber: string,
  keyword: OptOutKeyword,
): Promise<Emit> {
  const optedOut = keyword.action === "opt-out";
  if (optedOut) {
    await tx.optOut.upsert({
      where: { organizationId_phoneNumber: { organizationId, phoneNumber } },
      create: { organizationId, phoneNumber, source: "KEYWORD", keyword: keyword.keyword },
      update: { source: "KEYWORD", keyword: keyword.keyword },
    });
  } else {
    await tx.optOut.deleteMany({ where: { organizationId, phoneNumber } });
  }
  await tx.auditLog.create({
    data: {
      organizationId,
      action: optedOut ? "optout.keyword" : "optin.keyword",
      targetType: "phone_number",
      targetId: phoneNumber,
      result: "ok",
      details: { keyword: keyword.keyword },
    },
  });
  return {
    scope: "org",
    id: organizationId,
    event: "optout:updated",
    payload: { phoneNumber, optedOut, keyword: keyword.keyword },
  };
}

export async function listOptOuts(options: { db: Db; actor: Actor; input: TOptOutList }) {
  const { db, actor, input } = options;
  const cursorRow = input.cursor
    ? await db.prisma.optOut.findFirst({
        where: { id: input.cursor, organizationId: actor.organizationId },
        select: { id: true },
      })
    : null;
  const rows = await db.prisma.optOut.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, phoneNumber: true, source: true, keyword: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** A supervisor adds (optedOut) or removes a number from the opt-out list by hand. */
export async function setOptOut(options: {
  db: Db;
  actor: Actor;
  publisher: Publisher;
  phoneNumber: string;
  optedOut: boolean;
}): Promise<TOptOutState> {
  const { db, actor, publisher, phoneNumber, optedOut } = options;
  const organizationId = actor.organizationId;
  if (optedOut) {
    await db.prisma.optOut.upsert({
      where: { organizationId_phoneNumber: { organizationId, phoneNumber } },
      create: { organizationId, phoneNumber, source: "MANUAL" },
      update: {},
    });
  } else {
    await db.prisma.optOut.deleteMany({ where: { organizationId, phoneNumber } });
  }
  await recordAudit(db, {
    organizationId,
    userId: actor.userId,
    action: optedOut ? "optout.add" : "optout.remove",
    targetType: "phone_number",
    targetId: phoneNumber,
    ip: actor.ip,
  });
  publisher.toOrganization(organizationId, "optout:updated", { phoneNumber, optedOut, keyword: null });
  return { phoneNumber, optedOut };
}
