import { externalChecks } from '../app/applications/external-checks.ts';
import type { ReviewServices } from '../app/review/ports.ts';
import { publicHolidayCalendar } from '../app/review/public-holidays.ts';
import { createReviewReader, createReviewStore } from '../db/repositories/review-store.ts';
import type { BackOfficeWiring } from './back-office-wiring.ts';

/** Wires the review use cases. */
export function reviewServices(w: BackOfficeWiring): ReviewServices {
  return {
    clock: w.clock,
    reader: createReviewReader(w.db),
    store: createReviewStore(w.db),
    register: w.reader,
    notifier: w.notifier,
    checks: externalChecks,
    holidays: publicHolidayCalendar(),
    ids: w.ids,
    registerChanged: w.registerChanged,
  };
}
