/**
 * Calendar days in an organization's time zone, as "YYYY-MM-DD" strings (the rollup's `day`).
 * Plain string arithmetic on dates: no Date math across DST changes.
 */
export type Granularity = "day" | "month";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day of an instant in `timeZone`. */
export function localDayOf(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function firstDayOfMonth(day: string): string {
  return `${monthOf(day)}-01`;
}

function nextMonth(month: string): string {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, "0")}`;
}

/**
 * The local days an interval [from, to) covers: the day of `from` through the day of the last
 * millisecond before `to`. Analytics always work on whole local days.
 */
export function dayRangeOf(from: Date, to: Date, timeZone: string): { firstDay: string; lastDay: string } {
  const firstDay = localDayOf(from, timeZone);
  const lastDay = localDayOf(new Date(Math.max(from.getTime(), to.getTime() - 1)), timeZone);
  return { firstDay, lastDay };
}

/** Every period label between two local days: "2026-11-01"… or "2026-11"…. */
export function periodsBetween(firstDay: string, lastDay: string, granularity: Granularity): string[] {
  const periods: string[] = [];
  if (granularity === "day") {
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) periods.push(day);
    return periods;
  }
  for (let month = monthOf(firstDay); month <= monthOf(lastDay); month = nextMonth(month)) periods.push(month);
  return periods;
}

/** Months (first days) whose number fees fall in the range: for days, only months whose 1st is inside. */
export function feeMonthsBetween(firstDay: string, lastDay: string, granularity: Granularity): string[] {
  const months = periodsBetween(firstDay, lastDay, "month").map((month) => `${month}-01`);
  return granularity === "month" ? months : months.filter((day) => day >= firstDay && day <= lastDay);
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Seconds → minutes, one decimal (what the dashboard shows). */
export function minutesOf(seconds: number): number {
  return Math.round(seconds / 6) / 10;
}
