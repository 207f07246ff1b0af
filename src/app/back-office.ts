import type { AuditServices } from './audit/services.ts';
import type { LifecycleServices } from './lifecycle/ports.ts';
import type { ReviewServices } from './review/ports.ts';
import type { StaffServices } from './staff/services.ts';

/** The registry staff's side of the service: who they are, what they review, decide and audit. */
export interface BackOfficeServices {
  readonly staff: StaffServices;
  readonly review: ReviewServices;
  readonly lifecycle: LifecycleServices;
  readonly audit: AuditServices;
}
