import type { RouterInputs, RouterOutputs } from "../../lib/trpc";

export type AuditEntry = RouterOutputs["audit"]["list"]["items"][number];
export type AuditListInput = NonNullable<Exclude<RouterInputs["audit"]["list"], void>>;

/** What the page sends (the cursor is added by the infinite query). */
export interface AuditQuery {
  action?: string;
  userId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export interface AuditFilters {
  action?: string;
  userId?: string;
  /** Inclusive calendar days, as chosen in the date range picker. */
  from?: Date;
  to?: Date;
}

/** Filters → list input; the end day is widened to its last millisecond so "to 12 March" includes that day. */
export function toAuditInput(filters: AuditFilters, limit: number): AuditQuery {
  const input: AuditQuery = { limit };
  if (filters.action) input.action = filters.action;
  if (filters.userId) input.userId = filters.userId;
  if (filters.from) {
    const from = new Date(filters.from);
    from.setHours(0, 0, 0, 0);
    input.from = from;
  }
  if (filters.to) {
    const to = new Date(filters.to);
    to.setHours(23, 59, 59, 999);
    input.to = to;
  }
  return input;
}

export function hasFilters(filters: AuditFilters): boolean {
  return Boolean(filters.action || filters.userId || filters.from || filters.to);
}

export const AUDIT_RESULTS = ["ok", "denied", "failed"] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export function isAuditResult(value: string): value is AuditResult {
  return (AUDIT_RESULTS as readonly string[]).includes(value);
}

export function getResultColor(result: string): string {
  if (!isAuditResult(result)) return "default";
  switch (result) {
    case "ok":
      return "success";
    case "denied":
      return "warning";
    case "failed":
      return "error";
  }
}

/** Details as readable JSON; null when there is nothing worth showing. */
export function formatDetails(details: unknown): string | null {
  if (details === null || details === undefined) return null;
  if (typeof details === "object" && Object.keys(details).length === 0) return null;
  try {
    return JSON.stringify(details, null, 2);
  } catch {
    return String(details);
  }
}

/** "settings.rate.set" → "audit.actions.settings_rate_set" (a dot would nest the key). */
export function auditActionKey(action: string): `audit.actions.${string}` {
  return `audit.actions.${action.replaceAll(".", "_")}`;
}

/** "phone_number" + "abc123" → "Number abc123" (type translated by `translateType`); either part may be missing. */
export function formatTarget(
  entry: Pick<AuditEntry, "targetType" | "targetId">,
  translateType: (type: string) => string = (type) => type,
): string {
  return [entry.targetType ? translateType(entry.targetType) : null, entry.targetId].filter(Boolean).join(" ");
}
