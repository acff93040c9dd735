/**
 * Payload schemas for messaging webhooks (message.sent / .finalized / .received, payload = the
 * message) and number_order.complete → camelCase domain payloads.
 */
import { z } from "zod";
import { optional, zDate, zDecimal, zLooseNumber, zLooseString, zStringList } from "./webhook-primitives";

const money = z
  .object({ amount: zDecimal, currency: optional(z.string()) })
  .transform((m) => ({ amount: m.amount, currency: m.currency ?? "USD" }));

const party = z
  .object({
    phone_number: z.string(),
    status: optional(z.string()),
    carrier: optional(z.string()),
    line_type: optional(z.string()),
  })
  .transform(
    (p): MessageParty => ({ phoneNumber: p.phone_number, status: p.status, carrier: p.carrier, lineType: p.line_type }),
  );

export type MessagePartyStatus =
  | "queued"
  | "sending"
  | "sent"
  | "delivered"
  | "delivery_failed"
  | "sending_failed"
  | "delivery_unconfirmed"
  | "expired"
  | "webhook_delivered";

export interface MessageParty {
  phoneNumber: string;
  status?: MessagePartyStatus | (string & {});
  carrier?: string;
  lineType?: string;
}

/** 2019 captures send `to` as a plain "+1..." string; group MMS sends `cc` as plain strings. */
const recipients = z
  .union([
    z.string().transform((phoneNumber): MessageParty[] => [{ phoneNumber }]),
    z.array(z.union([party, z.string()])),
  ])
  .nullish()
  .transform((list): MessageParty[] =>
    (list ?? []).map((item): MessageParty => (typeof item === "string" ? { phoneNumber: item } : item)),
  );

const media = z
  .object({
    url: z.string(),
    content_type: optional(z.string()),
    sha256: optional(z.string()),
    hash_sha256: optional(z.string()), // key used by 2020 real captures
    size: optional(zLooseNumber),
  })
  .transform((m) => ({ url: m.url, contentType: m.content_type, sha256: m.sha256 ?? m.hash_sha256, size: m.size }));

const messagingError = z
  .object({ code: zLooseString, title: optional(z.string()), detail: optional(z.string()) })
  .transform((e) => ({ code: e.code, title: e.title ?? "", detail: e.detail }));

export const messagePayload = z
  .object({
    id: z.string(),
    direction: z.string(),
    type: optional(z.string()),
    messaging_profile_id: optional(z.string()),
    organization_id: optional(z.string()),
    from: party.nullish(),
    to: recipients,
    cc: recipients,
    text: z.string().nullish(),
    subject: optional(z.string()),
    media: z.array(media).nullish(),
    encoding: optional(z.string()),
    parts: optional(z.number()),
    cost: money.nullish(),
    cost_breakdown: z.object({ carrier_fee: money.nullish(), rate: money.nullish() }).nullish(),
    errors: z.array(messagingError).nullish(),
    received_at: optional(zDate),
    sent_at: optional(zDate),
    completed_at: optional(zDate),
    valid_until: optional(zDate),
    group_message_id: optional(z.string()),
    tags: zStringList,
  })
  .transform((m) => ({
    id: m.id,
    direction: m.direction as "inbound" | "outbound" | (string & {}),
    type: (m.type ?? "SMS") as "SMS" | "MMS" | (string & {}),
    messagingProfileId: m.messaging_profile_id,
    organizationId: m.organization_id,
    from: m.from ?? undefined,
    to: m.to,
    cc: m.cc,
    text: m.text ?? "",
    subject: m.subject,
    media: m.media ?? [],
    encoding: m.encoding as "GSM-7" | "UCS-2" | (string & {}) | undefined,
    parts: m.parts,
    /** Decimal string; usually only final on message.finalized. */
    cost: m.cost ?? null,
    costBreakdown: m.cost_breakdown
      ? { carrierFee: m.cost_breakdown.carrier_fee ?? null, rate: m.cost_breakdown.rate ?? null }
      : null,
    errors: m.errors ?? [],
    receivedAt: m.received_at,
    sentAt: m.sent_at,
    completedAt: m.completed_at,
    validUntil: m.valid_until,
    groupMessageId: m.group_message_id,
    tags: m.tags,
  }));

const orderedNumber = z
  .object({ id: optional(z.string()), phone_number: z.string(), status: optional(z.string()) })
  .transform((n) => ({ id: n.id, phoneNumber: n.phone_number, status: n.status }));

export const numberOrderPayload = z
  .object({
    id: z.string(),
    status: z.string(),
    phone_numbers: z.array(orderedNumber).nullish(),
    connection_id: optional(z.string()),
    messaging_profile_id: optional(z.string()),
    customer_reference: optional(z.string()),
  })
  .transform((o) => ({
    id: o.id,
    status: o.status as "pending" | "success" | "failure" | (string & {}),
    phoneNumbers: o.phone_numbers ?? [],
    connectionId: o.connection_id,
    messagingProfileId: o.messaging_profile_id,
    customerReference: o.customer_reference,
  }));
