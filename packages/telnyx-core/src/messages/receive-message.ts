/**
 * message.received: the organization is the one owning the `to` number, among the event's scope (the
 * endpoint's organization); the thread is the sender's.
 * The hottest webhook of all, so it is two typed SQL statements instead of six ORM round trips:
 * one lookup (our number + the sender's lead) and one INSERT … ON CONFLICT on Telnyx's message id
 * (Telnyx may deliver the same message under another event id: it is stored once; a concurrent
 * duplicate waits on the unique index and then inserts nothing).
 */
import { Prisma } from "@app/db/client";
import { utcSql as utc } from "../domain/sql-utc";
import { countSmsSegments } from "./sms-segments";
import { NOT_OURS, type ApplyOutcome, type ApplyScope, type Emit, type Tx } from "../webhooks/apply-types";
import type { TelnyxEventOf } from "../webhooks/parse-event";
import { toMessageDto, type MessageRow } from "./message-dto";
import { applyOptOutKeyword, optOutKeywordOf } from "./opt-outs";

interface Recipient {
  id: string;
  organizationId: string;
  phoneNumber: string;
  leadId: string | null;
  firstName: string | null;
  lastName: string | null;
}

type InsertedRow = Omit<MessageRow, "lead" | "cost"> & { cost: Prisma.Decimal | string | number | null };

export async function receiveMessage(
  tx: Tx,
  event: TelnyxEventOf<"message.received">,
  scope: ApplyScope,
): Promise<ApplyOutcome> {
  const message = event.payload;
  const recipients = message.to.map((party) => party.phoneNumber);
  const fromNumber = message.from?.phoneNumber;
  if (!fromNumber || recipients.length === 0) return NOT_OURS;
  // Our active number among the recipients (the oldest when several match) and the sender's lead
  // in that organization (the oldest when several share the number).
  const [number] = await tx.$queryRaw<Recipient[]>`
    SELECT n."id", n."organizationId", n."phoneNumber", l."id" AS "leadId", l."firstName", l."lastName"
    FROM "TelnyxPhoneNumber" n
    LEFT JOIN LATERAL (
      SELECT "id", "firstName", "lastName" FROM "Lead"
      WHERE "organizationId" = n."organizationId" AND "phoneNumber" = ${fromNumber}
      ORDER BY "createdAt" ASC, "id" ASC LIMIT 1
    ) l ON true
    WHERE n."phoneNumber" = ANY(${recipients}::text[]) AND n."status" = 'ACTIVE' AND n."organizationId" = ANY(${[...scope.organizationIds]}::text[])
    ORDER BY n."createdAt" ASC LIMIT 1`;
  if (!number) return NOT_OURS;
  const organizationId = number.organizationId;

  const mediaUrls = message.media.map((m) => m.url);
  const type = message.type === "MMS" || mediaUrls.length > 0 ? "MMS" : "SMS";
  const parts = message.parts ?? Math.max(1, countSmsSegments(message.text).parts);
  const [row] = await tx.$queryRaw<InsertedRow[]>`
    INSERT INTO "TelnyxMessage" ("id", "organizationId", "telnyxId", "direction", "status", "type", "fromNumber", "toNumber",
      "counterpartNumber", "text", "mediaUrls", "encoding", "parts", "leadId", "phoneNumberId", "cost", "costCurrency",
      "completedAt", "lastEventAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid()::text, ${organizationId}, ${message.id}, 'INBOUND', 'RECEIVED', ${type}, ${fromNumber}, ${number.phoneNumber},
      ${fromNumber}, ${message.text}, ${mediaUrls}::text[], ${message.encoding ?? null}, ${parts}::int, ${number.leadId}, ${number.id},
      ${message.cost?.amount ?? null}::decimal, ${message.cost?.currency ?? null}, ${utc(message.receivedAt ?? event.occurredAt)},
      ${utc(event.occurredAt)}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("telnyxId") DO NOTHING
    RETURNING "id", "direction"::text AS "direction", "status"::text AS "status", "type", "fromNumber", "toNumber", "counterpartNumber",
      "text", "mediaUrls", "encoding", "parts", "leadId", "userId", "cost", "costCurrency", "errorCode", "errorTitle", "errorDetail",
      "sentAt", "completedAt", "createdAt", "updatedAt"`;
  if (!row) return { organizationId, emits: [] };

  const lead = number.leadId ? { firstName: number.firstName ?? "", lastName: number.lastName ?? "" } : null;
  const cost = row.cost === null ? null : new Prisma.Decimal(row.cost.toString());
  const emits: Emit[] = [
    {
      scope: "org",
      id: organizationId,
      event: "message:created",
      payload: toMessageDto({ ...row, cost, lead } as MessageRow),
    },
  ];
  const keyword = optOutKeywordOf(message.text);
  if (keyword) emits.push(await applyOptOutKeyword(tx, organizationId, fromNumber, keyword));
  return { organizationId, emits };
}
