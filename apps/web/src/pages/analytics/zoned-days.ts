/**
 * Day boundaries in the organization's time zone (the server buckets periods there), whatever the
 * browser's zone: "2026-11-24" in Europe/Paris starts at 2026-11-23T23:00:00Z. Pure, Intl only.
 */
function offsetMsAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClock = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/** The instant a "YYYY-MM-DD" day starts in `timeZone` (undefined = the browser's zone). */
export function startOfDayIn(day: string, timeZone?: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  if (!timeZone) return new Date(year, month - 1, date);
  const guess = Date.UTC(year, month - 1, date);
  const first = guess - offsetMsAt(guess, timeZone);
  // Across a DST change the offset at the result can differ from the one at the guess.
  return new Date(guess - offsetMsAt(first, timeZone));
}

/** The last millisecond of a "YYYY-MM-DD" day in `timeZone`. */
export function endOfDayIn(day: string, timeZone?: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return new Date(startOfDayIn(next, timeZone).getTime() - 1);
}
