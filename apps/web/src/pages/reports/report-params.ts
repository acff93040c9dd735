import dayjs from "dayjs";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * `?month=YYYY-MM` of /reports/monthly-cost → the first day of that month; absent or malformed → the
 * current month. (dayjs reads "-01", what an absent month used to become, as January 2001.)
 */
export function monthOfParam(value: string | null, now: dayjs.Dayjs = dayjs()): dayjs.Dayjs {
  const match = value ? MONTH.exec(value.trim()) : null;
  if (!match) return now.startOf("month");
  return dayjs(`${match[1]}-${match[2]}-01`);
}
