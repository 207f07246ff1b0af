import type Holidays from 'date-holidays';
import type { HolidayPredicate } from '../../domain/review/working-days.ts';
import { lazyModule } from '../../lazy-module.ts';
import type { HolidayCalendar } from './ports.ts';

// Loaded with the first working day counted: its rules of every country weigh some 8 MB.
const holidaysOf = lazyModule<typeof Holidays>('date-holidays');

/** The three countries share one time zone: a working day starts at midnight in Brussels. */
const TIME_ZONE = 'Europe/Brussels';

const localDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The public holidays of Belgium, the Netherlands and Luxembourg from `date-holidays`, counting
 * only its type `public` (not bank holidays, school holidays or observances: Good Friday is a
 * working day in all three, Liberation Day in the Netherlands only every fifth year). Each
 * country's year is computed once and kept.
 */
export function publicHolidayCalendar(): HolidayCalendar {
  const years = new Map<string, ReadonlySet<string>>();
  const calendars = new Map<string, Holidays>();
  const daysOff = (country: string, year: number): ReadonlySet<string> => {
    const key = `${country}-${year}`;
    let days = years.get(key);
    if (days === undefined) {
      let calendar = calendars.get(country);
      if (calendar === undefined) {
        const Calendar = holidaysOf();
        calendar = new Calendar(country);
        calendars.set(country, calendar);
      }
      days = new Set(
        calendar
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10)),
      );
      years.set(key, days);
    }
    return days;
  };
  return {
    forCountry(country): HolidayPredicate {
      if (!['BE', 'NL', 'LU'].includes(country)) return () => false;
      return (date) => daysOff(country, Number(date.slice(0, 4))).has(date);
    },
    localDate(at) {
      const parts = Object.fromEntries(localDay.formatToParts(at).map((p) => [p.type, p.value]));
      return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
    },
  };
}
