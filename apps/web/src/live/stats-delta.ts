/**
 * stats:delta increments → the cached overview and wallboard figures (pure). The server sends what
 * changed (one more call, 42 more seconds, 0.0035 more cost); a reconnect refetches the real totals.
 */
import { addDecimalStrings } from "./decimal";

export interface StatsDelta {
  organizationId: string;
  /** The agent the change belongs to; null for organization-only changes (e.g. number rental). */
  userId: string | null;
  callsToday?: number;
  smsSentToday?: number;
  answeredToday?: number;
  finishedToday?: number;
  secondsToday?: number;
  cost?: string;
}

export interface OverviewFigures {
  callsToday: number;
  smsSentToday: number;
  costThisMonth: { calls: string; sms: string; numbers: string; total: string };
  minutesToday: number;
  minutesThisMonth: number;
}

export interface WallboardToday {
  calls: number;
  answered: number;
  sms: number;
  cost: string;
}

type Viewer = { userId: string; role: "ADMIN" | "SUPERVISOR" | "AGENT" };

/**
 * Whether a delta counts for an overview cached with `input`: agents only see their own figures,
 * a supervisor's per-agent view only that agent's, the organization view everything.
 */
export function isDeltaForOverview(delta: StatsDelta, input: { userId?: string } | undefined, viewer: Viewer): boolean {
  const scopeUserId = viewer.role === "AGENT" ? viewer.userId : input?.userId;
  return scopeUserId === undefined || delta.userId === scopeUserId;
}

/** The cost goes to the category the delta is about; an unknown one only moves the total. */
export function costCategory(delta: StatsDelta): "calls" | "sms" | null {
  const isCall =
    delta.callsToday !== undefined ||
    delta.answeredToday !== undefined ||
    delta.finishedToday !== undefined ||
    delta.secondsToday !== undefined;
  const isSms = delta.smsSentToday !== undefined;
  if (isCall && !isSms) return "calls";
  if (isSms && !isCall) return "sms";
  return null;
}

export function applyDeltaToOverview<T extends OverviewFigures>(overview: T, delta: StatsDelta): T {
  const minutes = (delta.secondsToday ?? 0) / 60;
  const cost = { ...overview.costThisMonth };
  if (delta.cost) {
    cost.total = addDecimalStrings(cost.total, delta.cost);
    const category = costCategory(delta);
    if (category) cost[category] = addDecimalStrings(cost[category], delta.cost);
  }
  return {
    ...overview,
    callsToday: overview.callsToday + (delta.callsToday ?? 0),
    smsSentToday: overview.smsSentToday + (delta.smsSentToday ?? 0),
    minutesToday: overview.minutesToday + minutes,
    minutesThisMonth: overview.minutesThisMonth + minutes,
    costThisMonth: cost,
  };
}

export function applyDeltaToWallboardToday<T extends WallboardToday>(today: T, delta: StatsDelta): T {
  return {
    ...today,
    calls: today.calls + (delta.callsToday ?? 0),
    answered: today.answered + (delta.answeredToday ?? 0),
    sms: today.sms + (delta.smsSentToday ?? 0),
    cost: delta.cost ? addDecimalStrings(today.cost, delta.cost) : today.cost,
  };
}

/**
 * Whether the overview needs the server's figures after this delta: the success rate cannot be derived
 * from increments (the overview has no answered/finished base), nor can the split of a cost-only delta.
 */
export function needsOverviewReconcile(delta: StatsDelta): boolean {
  return delta.finishedToday !== undefined || (delta.cost !== undefined && costCategory(delta) === null);
}
