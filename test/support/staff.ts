import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { generate, generateSecret } from 'otplib';
import type { StaffRole } from '../../src/app/staff/ports.ts';
import { openStaffSession } from '../../src/app/staff/staff-sessions.ts';
import { STAFF_COOKIE } from '../../src/http/plugins/staff-auth.ts';
import type { TestApp } from './app.ts';
import { CookieJar } from './accounts.ts';

export interface TestStaff {
  readonly id: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly password: string;
  /** Base32 TOTP secret, as an authenticator app would hold it. */
  readonly totpSecret: string;
  /** A cookie jar already signed in as this staff member (without going through the pages). */
  readonly jar: CookieJar;
}

/** The current TOTP code for a secret, as an authenticator app shows it. */
export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * An enrolled staff member (password and TOTP set) straight in the database, with a signed-in
 * session. Tests of enrolment and sign-in themselves go through the pages instead.
 */
export async function createStaff(
  app: TestApp,
  options: { readonly role: StaffRole; readonly email?: string; readonly lang?: string },
): Promise<TestStaff> {
  const id = randomUUID();
  const email = options.email ?? `${options.role}-${id.slice(0, 8)}@registry.test`;
  const password = `correct horse ${id.slice(0, 12)}`;
  const totpSecret = generateSecret();
  const at = new Date().toISOString();
  await app.db
    .insertInto('staff')
    .values({
      id,
      email,
      name: null,
      role: options.role,
      lang: options.lang ?? 'en',
      password_hash: await hash(password),
      totp_secret: totpSecret,
      totp_last_step: null,
      locked_until: null,
      disabled_at: null,
      enrolled_at: at,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const session = await openStaffSession(app.backOffice.staff, id);
  const jar = new CookieJar();
  jar.set(STAFF_COOKIE, session.id);
  return { id, email, role: options.role, password, totpSecret, jar };
}
