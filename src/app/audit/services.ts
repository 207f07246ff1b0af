import type { RegisterReader } from '../register/ports.ts';
import type { AuditReader } from './ports.ts';

/** What the audit use cases (verify, read the trail) depend on. */
export interface AuditServices {
  readonly reader: AuditReader;
  /** The register, to show what a code is now beside its trail. */
  readonly register: Pick<RegisterReader, 'findParty'>;
}
