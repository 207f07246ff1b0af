import type { BackOfficeServices } from '../app/back-office.ts';
import { auditServices } from './audit.ts';
import type { BackOfficeWiring } from './back-office-wiring.ts';
import { lifecycleServices } from './lifecycle.ts';
import { reviewServices } from './review.ts';
import { staffServices } from './staff.ts';

/** Wires the whole back office from one set of adapters. */
export function backOfficeServices(w: BackOfficeWiring): BackOfficeServices {
  return {
    staff: staffServices(w),
    review: reviewServices(w),
    lifecycle: lifecycleServices(w),
    audit: auditServices(w),
  };
}
