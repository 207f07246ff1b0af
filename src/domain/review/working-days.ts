/**
 * Working days on calendar dates. A date is `YYYY-MM-DD` (a day in the register's time zone, no
 * time); Saturdays and Sundays are never working days, nor are the days the holiday predicate
 * names. Pure: the predicate is passed in, so the rules can be tested with any calendar.
 */
export type LocalDate = string;

/** Whether a date is a public holiday; `date` is always a valid `YYYY-MM-DD`. */
export type HolidayPredicate = (date: LocalDate) => boolean;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether the text is a real calendar date written `YYYY-MM-DD` (no 31 February). */
export function isLocalDate(value: string): boolean {
  const match = SHAPE.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function dayNumber(date: LocalDate): number {
  const match = SHAPE.exec(date);
  if (match === null || !isLocalDate(date)) throw new RangeError(`not a date: ${date}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function dateOf(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return dateOf(dayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Saturday or Sunday. */
export function isWeekend(date: LocalDate): boolean {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: LocalDate, isHoliday: HolidayPredicate): boolean {
  return !isWeekend(date) && !isHoliday(date);
}

/**
 * The `count`-th working day after `date`, not counting `date` itself: from a Friday, one
 * working day later is the Monday (or the Tuesday when Monday is a holiday). `count` 0 is `date`.
 */
export function addWorkingDays(
  date: LocalDate,
  count: number,
  isHoliday: HolidayPredicate,
): LocalDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`bad count: ${count}`);
  let day = dayNumber(date);
  let left = count;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(dateOf(day), isHoliday)) left -= 1;
  }
  return dateOf(day);
}

/** The working days `d` with `from < d ≤ to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(
  from: LocalDate,
  to: LocalDate,
  isHoliday: HolidayPredicate,
): number {
  const end = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= end; day++) {
    if (isWorkingDay(dateOf(day), isHoliday)) count += 1;
  }
  return count;
}

/** A day off in any of the calendars: a working day must be one in every country concerned. */
export function anyHoliday(predicates: readonly HolidayPredicate[]): HolidayPredicate {
  return (date) => predicates.some((isHoliday) => isHoliday(date));
}
