import { anyHoliday } from '../../domain/review/working-days.ts';
import {
  reviewClock,
  type ReviewClock,
  type StatusOnDay,
} from '../../domain/review/review-clock.ts';
import type { ApplicationRecord } from '../applications/ports.ts';
import type { ReviewRecord, ReviewServices } from './ports.ts';

/** The requested countries: those of the submission, else as typed. */
export function requestedCountries(record: ApplicationRecord): readonly string[] {
  return record.submitted?.request.countries ?? record.data.request?.countries ?? [];
}

/**
 * Where an application's ten working days stand now: counted with the public holidays of every
 * requested country (a day off in any of them is not a working day), paused while more
 * information is requested, from the application's history.
 */
export function clockOf(
  deps: Pick<ReviewServices, 'holidays' | 'clock'>,
  review: Pick<ReviewRecord, 'record' | 'history'>,
): ReviewClock {
  const isHoliday = anyHoliday(
    requestedCountries(review.record).map((c) => deps.holidays.forCountry(c)),
  );
  const history: StatusOnDay[] = review.history.flatMap((e) =>
    e.toStatus === null ? [] : [{ to: e.toStatus, date: deps.holidays.localDate(new Date(e.at)) }],
  );
  return reviewClock(history, deps.holidays.localDate(deps.clock.now()), isHoliday);
}

/** The requested IDs as written in the register: `BE*ABC` for operators, `BE-ABC` for eMSPs. */
export function requestedIds(record: ApplicationRecord): string[] {
  const request = record.submitted?.request;
  if (request === undefined) {
    const typed = record.data.request;
    const code = typed?.code.trim().toUpperCase() ?? '';
    return code === '' ? [] : (typed?.countries ?? []).map((c) => `${c}*${code}`);
  }
  const separator = request.role === 'EMSP' ? '-' : '*';
  return request.countries.map((c) => `${c}${separator}${request.code}`);
}
