import type { StaffServices } from '../app/staff/services.ts';
import { createStaffSessionStore } from '../db/repositories/staff-session-store.ts';
import { createStaffStore } from '../db/repositories/staff-store.ts';
import type { BackOfficeWiring } from './back-office-wiring.ts';
import { argon2Passwords, otplibTotp } from './staff-credentials.ts';

/** Wires the staff use cases (the command-line tool needs only these adapters). */
export function staffServices(
  w: Pick<BackOfficeWiring, 'db' | 'secrets' | 'clock' | 'ids'>,
): StaffServices {
  return {
    sessions: createStaffSessionStore(w.db),
    store: createStaffStore(w.db),
    passwords: argon2Passwords(),
    totp: otplibTotp(),
    secrets: w.secrets,
    clock: w.clock,
    ids: w.ids,
  };
}
