/**
 * The outbound message state machine, pure and order-tolerant. Telnyx delivers message.sent and
 * message.finalized in any order and possibly several times; merging every observation into the
 * state gives the same result whatever the order: the status only moves forward
 * (QUEUED < SENDING < SENT < terminal), a terminal status is final, and each field keeps the first
 * value it receives (a duplicate carries the same values, so it changes nothing).
 */
import type { MessageStatus } from "@app/db/client";

/** The order statuses move in; every terminal status (and RECEIVED) shares the last rank. */
const RANK: Record<MessageStatus, number> = {
  QUEUED: 0,
  SENDING: 1,
  SENT: 2,
  DELIVERED: 3,
  DELIVERY_FAILED: 3,
  SENDING_FAILED: 3,
  DELIVERY_UNCONFIRMED: 3,
  EXPIRED: 3,
  RECEIVED: 3,
};

export interface MessageState {
  status: MessageStatus;
  /** Decimal string. */
  cost: string | null;
  costCurrency: string | null;
  errorCode: string | null;
  errorTitle: string | null;
  errorDetail: string | null;
  sentAt: Date | null;
  completedAt: Date | null;
  lastEventAt: Date | null;
}

/** What one webhook (or API answer) says about a message. */
export interface MessageObservation {
  status: MessageStatus;
  cost?: { amount: string; currency: string } | null;
  errors?: Array<{ code: string; title: string; detail?: string }>;
  sentAt?: Date | null;
  completedAt?: Date | null;
  occurredAt?: Date | null;
}

const FINAL_RANK = 3;

/** True when `next` is further along than `current`: a message status only ever moves forward. */
export function isLaterMessageStatus(next: MessageStatus, current: MessageStatus): boolean {
  return RANK[next] > RANK[current];
}

/** True for a status nothing follows (delivered, failed, expired, unconfirmed, received). */
export function isFinalMessageStatus(status: MessageStatus): boolean {
  return RANK[status] === FINAL_RANK;
}

const STATUS_BY_TELNYX: Record<string, MessageStatus> = {
  queued: "QUEUED",
  sending: "SENDING",
  sent: "SENT",
  delivered: "DELIVERED",
  delivery_failed: "DELIVERY_FAILED",
  sending_failed: "SENDING_FAILED",
  delivery_unconfirmed: "DELIVERY_UNCONFIRMED",
  expired: "EXPIRED",
  webhook_delivered: "RECEIVED",
};

/** Our status for a Telnyx `to[].status`, falling back on what the event type implies. */
export function messageStatusOf(
  telnyxStatus: string | undefined,
  eventType?: string,
  hasErrors = false,
): MessageStatus {
  const known = telnyxStatus ? STATUS_BY_TELNYX[telnyxStatus] : undefined;
  if (known) return known;
  if (eventType === "message.sent") return "SENT";
  if (eventType === "message.finalized") return hasErrors ? "DELIVERY_FAILED" : "DELIVERED";
  if (eventType === "message.received") return "RECEIVED";
  return "QUEUED";
}

function laterOf(a: Date | null, b: Date | null | undefined): Date | null {
  if (!b) return a;
  if (!a) return b;
  return b.getTime() > a.getTime() ? b : a;
}

export function mergeMessageState(current: MessageState, observation: MessageObservation): MessageState {
  const isForward = isLaterMessageStatus(observation.status, current.status);
  const firstError = observation.errors?.[0];
  const hasError = current.errorCode !== null || current.errorTitle !== null;
  const takesError = firstError !== undefined && !hasError && (isForward || observation.status === current.status);
  return {
    status: isForward ? observation.status : current.status,
    cost: current.cost ?? observation.cost?.amount ?? null,
    costCurrency: current.costCurrency ?? observation.cost?.currency ?? null,
    errorCode: takesError ? firstError.code : current.errorCode,
    errorTitle: takesError ? firstError.title || null : current.errorTitle,
    errorDetail: takesError ? (firstError.detail ?? null) : current.errorDetail,
    sentAt: current.sentAt ?? observation.sentAt ?? null,
    completedAt: current.completedAt ?? observation.completedAt ?? null,
    lastEventAt: laterOf(current.lastEventAt, observation.occurredAt),
  };
}

export function isSameMessageState(a: MessageState, b: MessageState): boolean {
  return (
    a.status === b.status &&
    a.cost === b.cost &&
    a.costCurrency === b.costCurrency &&
    a.errorCode === b.errorCode &&
    a.errorTitle === b.errorTitle &&
    a.errorDetail === b.errorDetail &&
    a.sentAt?.getTime() === b.sentAt?.getTime() &&
    a.completedAt?.getTime() === b.completedAt?.getTime() &&
    a.lastEventAt?.getTime() === b.lastEventAt?.getTime()
  );
}

export const INITIAL_MESSAGE_STATE: MessageState = {
  status: "QUEUED",
  cost: null,
  costCurrency: null,
  errorCode: null,
  errorTitle: null,
  errorDetail: null,
  sentAt: null,
  completedAt: null,
  lastEventAt: null,
};
