import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { clockPeriods, reviewClock, type StatusOnDay } from './review-clock.ts';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  workingDaysBetween,
  type HolidayPredicate,
} from './working-days.ts';

const BE = new Set(['2026-04-06', '2026-05-01', '2026-05-14', '2026-12-25', '2027-01-01']);
const belgium: HolidayPredicate = (d) => BE.has(d);
const none: HolidayPredicate = () => false;

describe('the review clock', () => {
  it('has not started before submission', () => {
    const clock = reviewClock([{ to: 'draft', date: '2026-03-01' }], '2026-03-10', none);
    assert.equal(clock.state, 'not_started');
    assert.equal(clock.deadline, null);
  });

  it('gives ten working days from submission, Easter Monday excluded', () => {
    const history: StatusOnDay[] = [{ to: 'submitted', date: '2026-04-02' }];
    const clock = reviewClock(history, '2026-04-08', belgium);
    assert.deepEqual(clock, {
      state: 'running',
      used: 3, // Friday 3, Tuesday 7, Wednesday 8 April
      daysLeft: 7,
      deadline: '2026-04-17',
      overdue: false,
    });
    assert.equal(reviewClock(history, '2026-04-17', belgium).overdue, false, 'due today');
    assert.equal(reviewClock(history, '2026-04-17', belgium).daysLeft, 0);
    const late = reviewClock(history, '2026-04-18', belgium);
    assert.equal(late.overdue, true, 'the Saturday after the deadline is late already');
    assert.equal(reviewClock(history, '2026-04-21', belgium).daysLeft, -2);
  });

  it('keeps running while a reviewer has it', () => {
    const clock = reviewClock(
      [
        { to: 'submitted', date: '2026-03-02' },
        { to: 'in_review', date: '2026-03-04' },
      ],
      '2026-03-05',
      none,
    );
    assert.equal(clock.used, 3);
    assert.equal(clock.deadline, '2026-03-16');
  });

  it('pauses while information is requested and resumes on resubmission', () => {
    const history: StatusOnDay[] = [
      { to: 'submitted', date: '2026-03-02' }, // Monday
      { to: 'info_requested', date: '2026-03-05' }, // Thursday: 3 days used
    ];
    const paused = reviewClock(history, '2026-03-20', none);
    assert.deepEqual(paused, {
      state: 'paused',
      used: 3,
      daysLeft: 7,
      deadline: null,
      overdue: false,
    });
    const resumed = reviewClock(
      [...history, { to: 'submitted', date: '2026-03-11' }], // Wednesday
      '2026-03-12',
      none,
    );
    assert.equal(resumed.state, 'running');
    assert.equal(resumed.used, 4);
    assert.equal(resumed.deadline, '2026-03-20', 'seven working days after Wednesday 11');
  });

  it('stops at the decision', () => {
    const clock = reviewClock(
      [
        { to: 'submitted', date: '2026-03-02' },
        { to: 'approved', date: '2026-03-04' },
      ],
      '2026-06-01',
      none,
    );
    assert.equal(clock.state, 'stopped');
    assert.equal(clock.used, 2);
    assert.equal(clock.overdue, false);
  });

  it('keeps the deadline that passed before a pause', () => {
    const clock = reviewClock(
      [
        { to: 'submitted', date: '2026-03-02' },
        { to: 'info_requested', date: '2026-03-20' }, // 14 working days used
        { to: 'submitted', date: '2026-03-25' },
      ],
      '2026-03-26',
      none,
    );
    assert.equal(clock.deadline, '2026-03-16');
    assert.equal(clock.overdue, true);
    assert.equal(clock.daysLeft, -5);
  });

  it('lists the periods the clock ran', () => {
    assert.deepEqual(
      clockPeriods([
        { to: 'draft', date: '2026-01-01' },
        { to: 'submitted', date: '2026-01-05' },
        { to: 'in_review', date: '2026-01-06' },
        { to: 'info_requested', date: '2026-01-07' },
        { to: 'submitted', date: '2026-01-09' },
        { to: 'rejected', date: '2026-01-12' },
      ]),
      [
        { start: '2026-01-05', end: '2026-01-07' },
        { start: '2026-01-09', end: '2026-01-12' },
      ],
    );
  });
});

const date = fc.integer({ min: 0, max: 365 * 20 }).map((n) => addCalendarDays('2020-01-01', n));
const holidays = fc.integer({ min: 1, max: 1_000_000 }).map((seed): HolidayPredicate => {
  return (d) => {
    let h = seed;
    for (const c of d) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
    return h % 12 === 0;
  };
});

describe('the review clock, for any dates and calendar', () => {
  it('without a pause, the deadline is ten working days after submission', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 40 }),
        holidays,
        (submitted, after, isHoliday) => {
          const today = addCalendarDays(submitted, after);
          const clock = reviewClock([{ to: 'submitted', date: submitted }], today, isHoliday);
          assert.equal(clock.deadline, addWorkingDays(submitted, 10, isHoliday));
          assert.equal(clock.daysLeft, 10 - workingDaysBetween(submitted, today, isHoliday));
          assert.equal(clock.overdue, calendarDaysBetween(clock.deadline, today) > 0);
        },
      ),
    );
  });

  it('a pause moves the deadline by exactly the working days it lasted', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 20 }),
        holidays,
        (submitted, workedDays, pauseDays, isHoliday) => {
          const paused = addWorkingDays(submitted, workedDays, isHoliday);
          const resumed = addCalendarDays(paused, pauseDays);
          const clock = reviewClock(
            [
              { to: 'submitted', date: submitted },
              { to: 'info_requested', date: paused },
              { to: 'submitted', date: resumed },
            ],
            resumed,
            isHoliday,
          );
          const unpaused = addWorkingDays(submitted, 10, isHoliday);
          const pause = workingDaysBetween(paused, resumed, isHoliday);
          assert.equal(clock.deadline, addWorkingDays(unpaused, pause, isHoliday));
          assert.equal(clock.used, workedDays);
        },
      ),
    );
  });

  it('pausing and resuming on the same day changes nothing', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 15 }),
        holidays,
        (submitted, after, isHoliday) => {
          const day = addCalendarDays(submitted, after);
          const plain = reviewClock([{ to: 'submitted', date: submitted }], day, isHoliday);
          const paused = reviewClock(
            [
              { to: 'submitted', date: submitted },
              { to: 'info_requested', date: day },
              { to: 'submitted', date: day },
            ],
            day,
            isHoliday,
          );
          assert.deepEqual(paused, plain);
        },
      ),
    );
  });

  it('the days used never go down as time passes', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 30 }),
        holidays,
        (submitted, after, isHoliday) => {
          const history: StatusOnDay[] = [{ to: 'submitted', date: submitted }];
          const today = addCalendarDays(submitted, after);
          const tomorrow = addCalendarDays(today, 1);
          assert.ok(
            reviewClock(history, tomorrow, isHoliday).used >=
              reviewClock(history, today, isHoliday).used,
          );
        },
      ),
    );
  });
});
