import type {
  TBusinessHours,
  TIvrMenu,
  TIvrMenuInput,
  TIvrOptionTarget,
  TQueue,
  TQueueInput,
  TRouteTarget,
} from "@app/telnyx-core/routing/routing-schemas";

/** The contract's bounds (routing-schemas.ts), for the form's number inputs. */
export const RING_TIMEOUT_RANGE = { min: 5, max: 120 } as const;
export const MAX_WAIT_RANGE = { min: 10, max: 1800 } as const;

export const RING_STRATEGIES = ["ROUND_ROBIN", "ALL", "LONGEST_IDLE"] as const satisfies readonly TQueue["strategy"][];

export const NEW_QUEUE: TQueueInput = {
  name: "",
  strategy: "ROUND_ROBIN",
  ringTimeoutSecs: 20,
  maxWaitSecs: 60,
  holdMessage: null,
  announcePosition: false,
  memberUserIds: [],
};

/** The queue form's values as the API takes them: trimmed, an empty hold message meaning none. */
export function toQueueInput(values: TQueueInput): TQueueInput {
  const holdMessage = values.holdMessage?.trim() ?? "";
  return {
    name: values.name.trim(),
    strategy: values.strategy,
    ringTimeoutSecs: values.ringTimeoutSecs,
    maxWaitSecs: values.maxWaitSecs,
    holdMessage: holdMessage === "" ? null : holdMessage,
    announcePosition: values.announcePosition,
    memberUserIds: [...new Set(values.memberUserIds)],
  };
}

export function pickQueueInput(queue: TQueue): TQueueInput {
  const { name, strategy, ringTimeoutSecs, maxWaitSecs, holdMessage, announcePosition, memberUserIds } = queue;
  return { name, strategy, ringTimeoutSecs, maxWaitSecs, holdMessage, announcePosition, memberUserIds };
}

/** A route target as one Select value: "default", "voicemail", "queue:<id>", "agent:<id>", "ivr:<id>". */
export function routeTargetToValue(target: TRouteTarget | null): string {
  if (!target) return "default";
  switch (target.kind) {
    case "queue":
      return `queue:${target.queueId}`;
    case "agent":
      return `agent:${target.userId}`;
    case "voicemail":
      return "voicemail";
    case "ivr":
      return `ivr:${target.menuId}`;
  }
}

export function valueToRouteTarget(value: string): TRouteTarget | null {
  if (value === "voicemail") return { kind: "voicemail" };
  if (value.startsWith("queue:")) return { kind: "queue", queueId: value.slice("queue:".length) };
  if (value.startsWith("agent:")) return { kind: "agent", userId: value.slice("agent:".length) };
  if (value.startsWith("ivr:")) return { kind: "ivr", menuId: value.slice("ivr:".length) };
  return null;
}

/** The keys a caller can press, in keypad order. */
export const IVR_DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"] as const;

/** The menu form: an option's target as one Select value ("voicemail", "queue:<id>", "agent:<id>", "menu:<id>"). */
export interface IvrFormValues {
  name: string;
  greeting: string;
  options: Array<{ digit: string | undefined; target: string | undefined }>;
}

export const NEW_MENU: IvrFormValues = { name: "", greeting: "", options: [{ digit: "1", target: undefined }] };

export function optionTargetToValue(target: TIvrOptionTarget): string {
  switch (target.kind) {
    case "queue":
      return `queue:${target.queueId}`;
    case "agent":
      return `agent:${target.userId}`;
    case "voicemail":
      return "voicemail";
    case "menu":
      return `menu:${target.menuId}`;
  }
}

export function valueToOptionTarget(value: string): TIvrOptionTarget | null {
  if (value === "voicemail") return { kind: "voicemail" };
  const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (!id) return null;
  if (kind === "queue") return { kind: "queue", queueId: id };
  if (kind === "agent") return { kind: "agent", userId: id };
  if (kind === "menu") return { kind: "menu", menuId: id };
  return null;
}

export function menuToFormValues(menu: TIvrMenu): IvrFormValues {
  return {
    name: menu.name,
    greeting: menu.greeting,
    options: menu.options.map((option) => ({ digit: option.digit, target: optionTargetToValue(option.target) })),
  };
}

/** The menu form's values as the API takes them: trimmed, rows without a key or a target left out. */
export function toMenuInput(values: IvrFormValues): TIvrMenuInput {
  const options = (values.options ?? []).flatMap((row) => {
    const target = row.target ? valueToOptionTarget(row.target) : null;
    return row.digit && target ? [{ digit: row.digit, target }] : [];
  });
  return { name: values.name.trim(), greeting: values.greeting.trim(), options };
}

export type WeeklyInterval = TBusinessHours["weekly"][number];

/** Monday first, as a working week is read; Sunday last. */
export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** The strings' key of a weekday number (0 = Sunday, as the contract counts). */
export const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export const DEFAULT_INTERVAL = { open: "09:00", close: "18:00" } as const;

export function isValidInterval(interval: Pick<WeeklyInterval, "open" | "close">): boolean {
  // "HH:mm" strings compare in time order.
  return interval.open < interval.close;
}

/** Intervals sorted by day (Monday first) then opening time, so the saved list reads like the editor. */
export function sortWeekly(weekly: readonly WeeklyInterval[]): WeeklyInterval[] {
  const rank = (day: number) => (WEEK_DAYS as readonly number[]).indexOf(day);
  return [...weekly].sort((a, b) => rank(a.day) - rank(b.day) || (a.open < b.open ? -1 : a.open > b.open ? 1 : 0));
}

/** Hours as the API takes them: intervals sorted, holiday names trimmed, one holiday per date. */
export function toBusinessHoursInput(hours: TBusinessHours): TBusinessHours {
  const byDate = new Map<string, string>();
  for (const holiday of hours.holidays) {
    if (!byDate.has(holiday.date)) byDate.set(holiday.date, holiday.name.trim());
  }
  const holidays = [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, name]) => ({ date, name }));
  return { ...hours, weekly: sortWeekly(hours.weekly), holidays };
}

export function hasInvalidInterval(hours: TBusinessHours): boolean {
  return hours.weekly.some((interval) => !isValidInterval(interval));
}
