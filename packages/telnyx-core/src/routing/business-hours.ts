/**
 * Business hours per organization (issue 15): weekly open intervals and holidays in the organization's chosen time
 * zone, checked when an inbound call arrives. Stored as JSON on the organization; null or disabled = always open.
 */
import { type TBusinessHours, ZBusinessHoursSchema } from "./routing-schemas";

export function businessHoursOf(stored: unknown, organizationTimeZone: string): TBusinessHours {
  const parsed = ZBusinessHoursSchema.safeParse(stored);
  return parsed.success ? parsed.data : { timeZone: organizationTimeZone, weekly: [], holidays: [], enabled: false };
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The wall clock at `at` in `timeZone`: weekday 0–6, "HH:MM" and "YYYY-MM-DD". */
function localClock(at: Date, timeZone: string): { day: number; time: string; date: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: WEEKDAYS.indexOf(part("weekday")),
    time: `${part("hour")}:${part("minute")}`,
    date: `${part("year")}-${part("month")}-${part("day")}`,
  };
}

/** True when the organization takes calls at `at` (a close at or before the open runs to midnight). */
export function isOpenAt(hours: TBusinessHours, at: Date): boolean {
  if (!hours.enabled) return true;
  let clock: ReturnType<typeof localClock>;
  try {
    clock = localClock(at, hours.timeZone);
  } catch {
    return true; // an unknown time zone never sends every caller to voicemail
  }
  if (hours.holidays.some((holiday) => holiday.date === clock.date)) return false;
  return hours.weekly.some(
    (slot) => slot.day === clock.day && slot.open <= clock.time && (slot.close <= slot.open || clock.time < slot.close),
  );
}

/** Validates a time zone name (Intl knows it). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
