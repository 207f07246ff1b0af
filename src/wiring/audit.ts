import type { AuditServices } from '../app/audit/services.ts';
import { createAuditReader } from '../db/repositories/audit-log.ts';
import type { BackOfficeWiring } from './back-office-wiring.ts';

/** Wires the audit use cases. */
export function auditServices(w: BackOfficeWiring): AuditServices {
  return { reader: createAuditReader(w.db), register: w.reader };
}
