import type { ApplicationStatus } from '../application/application-status.ts';
import {
  addWorkingDays,
  calendarDaysBetween,
  workingDaysBetween,
  type HolidayPredicate,
  type LocalDate,
} from './working-days.ts';

/** An application is checked and its code published within ten working days of submission. */
export const REVIEW_WORKING_DAYS = 10;

/** One change of an application's status, on the day (in the register's time zone) it happened. */
export interface StatusOnDay {
  readonly to: ApplicationStatus;
  readonly date: LocalDate;
}

/** A stretch of time during which the clock ran: from `start` to `end` (null: still running). */
export interface ClockPeriod {
  readonly start: LocalDate;
  readonly end: LocalDate | null;
}

/**
 * When the review clock ran, from the history of statuses (oldest first). It starts at
 * submission, keeps running while a reviewer has the application, stops while more information
 * is requested from the applicant, starts again when they send it back, and stops for good at
 * the decision or a withdrawal.
 */
export function clockPeriods(history: readonly StatusOnDay[]): ClockPeriod[] {
  const periods: ClockPeriod[] = [];
  let runningSince: LocalDate | null = null;
  for (const change of history) {
    switch (change.to) {
      case 'submitted':
      case 'in_review':
        runningSince ??= change.date;
        break;
      case 'info_requested':
      case 'approved':
      case 'rejected':
      case 'withdrawn':
        if (runningSince !== null) periods.push({ start: runningSince, end: change.date });
        runningSince = null;
        break;
      case 'draft':
        break;
    }
  }
  if (runningSince !== null) periods.push({ start: runningSince, end: null });
  return periods;
}

export type ClockState = 'not_started' | 'running' | 'paused' | 'stopped';

export interface ReviewClock {
  readonly state: ClockState;
  /** Working days the clock has run so far (the day of submission or resumption not counted). */
  readonly used: number;
  /** Ten minus `used`: negative once the period is exceeded. Frozen while paused. */
  readonly daysLeft: number;
  /** The last day for the decision, while the clock runs; null otherwise. */
  readonly deadline: LocalDate | null;
  /** Running, and today is after the deadline. */
  readonly overdue: boolean;
}

const STATE_AFTER: Readonly<Record<ApplicationStatus, ClockState>> = {
  draft: 'not_started',
  submitted: 'running',
  in_review: 'running',
  info_requested: 'paused',
  approved: 'stopped',
  rejected: 'stopped',
  withdrawn: 'stopped',
};

/**
 * Where the review clock stands on `today`, from the history of statuses (oldest first). A
 * period counts the working days after its start up to and including its end (or today): the
 * day an application is submitted or sent back does not count, the day more information is
 * requested does. The deadline is the day on which the tenth working day is used up; it moves
 * only while the clock is paused.
 */
export function reviewClock(
  history: readonly StatusOnDay[],
  today: LocalDate,
  isHoliday: HolidayPredicate,
): ReviewClock {
  const periods = clockPeriods(history);
  const last = history[history.length - 1];
  const state: ClockState =
    periods.length === 0 || last === undefined ? 'not_started' : STATE_AFTER[last.to];
  let used = 0;
  let deadline: LocalDate | null = null;
  for (const period of periods) {
    const before = used;
    used += workingDaysBetween(period.start, period.end ?? today, isHoliday);
    if (deadline === null && (used >= REVIEW_WORKING_DAYS || period.end === null)) {
      const left = Math.max(0, REVIEW_WORKING_DAYS - before);
      deadline = addWorkingDays(period.start, left, isHoliday);
    }
  }
  const daysLeft = REVIEW_WORKING_DAYS - used;
  if (state !== 'running' || deadline === null) {
    return { state, used, daysLeft, deadline: null, overdue: false };
  }
  return { state, used, daysLeft, deadline, overdue: calendarDaysBetween(deadline, today) > 0 };
}
