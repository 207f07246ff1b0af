import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addCalendarDays,
  addWorkingDays,
  anyHoliday,
  calendarDaysBetween,
  isLocalDate,
  isWeekend,
  isWorkingDay,
  workingDaysBetween,
  type HolidayPredicate,
} from './working-days.ts';

// Public holidays as the national calendars give them (type "public" only), written out by hand
// so that these tests do not depend on the holiday library.
const BE = new Set([
  '2026-01-01',
  '2026-04-06',
  '2026-05-01',
  '2026-05-14',
  '2026-05-25',
  '2026-07-21',
  '2026-08-15',
  '2026-11-01',
  '2026-11-11',
  '2026-12-25',
  '2027-01-01',
  '2027-03-29',
]);
const NL = new Set([
  '2026-01-01',
  '2026-04-05',
  '2026-04-06',
  '2026-04-27',
  '2026-05-14',
  '2026-05-24',
  '2026-05-25',
  '2026-12-25',
  '2026-12-26',
  '2027-01-01',
]);
const LU = new Set([
  '2026-01-01',
  '2026-04-06',
  '2026-05-01',
  '2026-05-09',
  '2026-05-14',
  '2026-05-25',
  '2026-06-23',
  '2026-08-15',
  '2026-11-01',
  '2026-12-25',
  '2026-12-26',
  '2027-01-01',
]);
const calendar =
  (days: ReadonlySet<string>): HolidayPredicate =>
  (date) =>
    days.has(date);
const none: HolidayPredicate = () => false;

describe('working days', () => {
  it('reads only real dates', () => {
    assert.ok(isLocalDate('2028-02-29'));
    assert.ok(!isLocalDate('2026-02-29'));
    assert.ok(!isLocalDate('2026-13-01'));
    assert.ok(!isLocalDate('2026-1-1'));
    assert.throws(() => addWorkingDays('2026-02-30', 1, none), RangeError);
  });

  it('skips weekends', () => {
    assert.ok(isWeekend('2026-03-07') && isWeekend('2026-03-08'));
    assert.ok(!isWeekend('2026-03-09'));
    assert.equal(addWorkingDays('2026-03-06', 1, none), '2026-03-09', 'Friday + 1 is Monday');
    assert.equal(addWorkingDays('2026-03-02', 10, none), '2026-03-16', 'two weeks from a Monday');
    assert.equal(addWorkingDays('2026-03-07', 10, none), '2026-03-20', 'from a Saturday');
    assert.equal(addWorkingDays('2026-03-02', 0, none), '2026-03-02');
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-16', none), 10);
    assert.equal(workingDaysBetween('2026-03-16', '2026-03-02', none), 0);
  });

  it('skips Easter Monday in Belgium, but not Good Friday', () => {
    // Thursday 2 April 2026; Good Friday 3 April is a working day in Belgium.
    assert.equal(addWorkingDays('2026-04-02', 10, calendar(BE)), '2026-04-17');
    assert.equal(addWorkingDays('2026-04-02', 1, calendar(BE)), '2026-04-03');
    assert.equal(addWorkingDays('2026-04-03', 1, calendar(BE)), '2026-04-07');
  });

  it('skips King’s Day in the Netherlands and the national days of Belgium and Luxembourg', () => {
    // Koningsdag: Monday 27 April 2026.
    assert.equal(addWorkingDays('2026-04-20', 6, calendar(NL)), '2026-04-29');
    assert.equal(addWorkingDays('2026-04-20', 6, calendar(BE)), '2026-04-28');
    // Labour Day, Friday 1 May 2026, is a holiday in Belgium, not in the Netherlands.
    assert.equal(addWorkingDays('2026-04-20', 10, calendar(BE)), '2026-05-05');
    assert.equal(addWorkingDays('2026-04-20', 10, calendar(NL)), '2026-05-05');
    // Belgian national day: Tuesday 21 July 2026.
    assert.equal(addWorkingDays('2026-07-13', 10, calendar(BE)), '2026-07-28');
    assert.equal(addWorkingDays('2026-07-13', 10, calendar(NL)), '2026-07-27');
    // Luxembourg national day: Tuesday 23 June 2026.
    assert.equal(addWorkingDays('2026-06-15', 10, calendar(LU)), '2026-06-30');
  });

  it('counts across Christmas and the year end', () => {
    assert.equal(addWorkingDays('2026-12-21', 10, calendar(BE)), '2027-01-06');
    assert.equal(addWorkingDays('2026-12-21', 10, calendar(NL)), '2027-01-06');
    assert.equal(workingDaysBetween('2026-12-24', '2027-01-04', calendar(BE)), 5);
    assert.equal(addWorkingDays('2026-12-31', 1, calendar(BE)), '2027-01-04');
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
    assert.equal(calendarDaysBetween('2028-02-28', '2028-03-01'), 2, 'a leap year');
  });

  it('takes a day off in any of several countries as a day off', () => {
    const beOrLu = anyHoliday([calendar(BE), calendar(LU)]);
    assert.ok(!isWorkingDay('2026-06-23', beOrLu), 'Luxembourg national day');
    assert.ok(!isWorkingDay('2026-07-21', beOrLu), 'Belgian national day');
    assert.ok(isWorkingDay('2026-06-22', beOrLu));
  });
});

const date = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
/** A calendar with a pseudo-random tenth of the days off, fixed by its seed. */
const holidays = fc.integer({ min: 1, max: 1_000_000 }).map((seed): HolidayPredicate => {
  return (d) => {
    let h = seed;
    for (const c of d) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
    return h % 10 === 0;
  };
});

describe('working days, for any date and calendar', () => {
  it('adding n working days then counting them gives n back', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), holidays, (d, n, isHoliday) => {
        const later = addWorkingDays(d, n, isHoliday);
        assert.equal(workingDaysBetween(d, later, isHoliday), n);
        if (n > 0) assert.ok(isWorkingDay(later, isHoliday));
      }),
    );
  });

  it('is monotonic: more working days never end earlier', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 30 }), holidays, (d, n, isHoliday) => {
        const a = addWorkingDays(d, n, isHoliday);
        const b = addWorkingDays(d, n + 1, isHoliday);
        assert.ok(calendarDaysBetween(a, b) >= 1);
      }),
    );
  });

  it('ten working days without holidays span twelve to fourteen calendar days', () => {
    fc.assert(
      fc.property(date, (d) => {
        const span = calendarDaysBetween(d, addWorkingDays(d, 10, none));
        assert.ok(span >= 12 && span <= 14, `${d}: ${span}`);
      }),
    );
  });

  it('holidays only ever push the end later', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 20 }), holidays, (d, n, isHoliday) => {
        const plain = addWorkingDays(d, n, none);
        const withHolidays = addWorkingDays(d, n, isHoliday);
        assert.ok(calendarDaysBetween(plain, withHolidays) >= 0);
      }),
    );
  });

  it('counting splits at any day in between', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        holidays,
        (d, x, y, isHoliday) => {
          const middle = addCalendarDays(d, x);
          const end = addCalendarDays(middle, y);
          assert.equal(
            workingDaysBetween(d, end, isHoliday),
            workingDaysBetween(d, middle, isHoliday) + workingDaysBetween(middle, end, isHoliday),
          );
        },
      ),
    );
  });
});
