import type { PasswordHasher, StaffSessionDeps, StaffStore, TotpAuthenticator } from './ports.ts';

/** Everything the staff use cases depend on; built once where the adapters are wired. */
export interface StaffServices extends StaffSessionDeps {
  readonly store: StaffStore;
  readonly passwords: PasswordHasher;
  readonly totp: TotpAuthenticator;
}
