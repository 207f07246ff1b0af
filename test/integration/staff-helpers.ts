import { PassThrough } from 'node:stream';
import type { Clock } from '../../src/app/ports.ts';
import type { CliServices } from '../../src/cli/cli-services.ts';
import { staffCommand } from '../../src/cli/staff-command.ts';
import { CookieJar, csrfOf, getPage, postForm } from '../support/accounts.ts';
import type { TestApp } from '../support/app.ts';
import { totpCode } from '../support/staff.ts';

/** A clock the test moves forward. */
export function testClock(): Clock & { advanceMinutes(minutes: number): void } {
  let now = Date.now();
  return {
    now: () => new Date(now),
    advanceMinutes: (minutes) => {
      now += minutes * 60_000;
    },
  };
}

export const PUBLIC_URL = 'https://idro.test';

/** Runs `idro staff …` in this process, on the test app's database. */
export async function staffCli(app: TestApp, args: readonly string[]) {
  const services: CliServices = {
    openRegister: () => Promise.reject(new Error('not used')),
    openAudit: () => Promise.reject(new Error('not used')),
    openLifecycle: () => Promise.reject(new Error('not used')),
    openStaff: () =>
      Promise.resolve({
        services: app.backOffice.staff,
        baseUrl: PUBLIC_URL,
        actorLabel: 'operator',
        close: () => Promise.resolve(),
      }),
  };
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const code = await staffCommand(args, { stdin: new PassThrough(), stdout, stderr }, services);
  return { code, stdout: out, stderr: err };
}

/** The enrolment link in a command's or page's output. */
export function enrolmentLinkOf(text: string): string {
  const match = /https?:\/\/\S+\/admin\/enrol\/[\w-]{43}/.exec(text);
  if (match === null) throw new Error(`no enrolment link in: ${text}`);
  return match[0];
}

/** Adds a member with `idro staff add`; returns its enrolment link and the link's path. */
export async function addStaffByCli(app: TestApp, email: string, role = 'reviewer') {
  const run = await staffCli(app, ['add', '--email', email, '--role', role]);
  if (run.code !== 0) throw new Error(`staff add refused: ${run.stderr}`);
  const link = enrolmentLinkOf(run.stdout);
  return { link, path: new URL(link).pathname };
}

/** The TOTP secret shown on the enrolment page, without its spaces. */
export function secretOf(html: string): string {
  const match = /id="totp-secret">([A-Z2-7 ]+)</.exec(html);
  if (match?.[1] === undefined) throw new Error('no secret on the page');
  return match[1].replaceAll(' ', '');
}

/** Enrols through the link's pages; returns the signed-in jar and the TOTP secret. */
export async function enrol(
  app: TestApp,
  link: string,
  password: string,
  clock: Clock,
): Promise<{ jar: CookieJar; secret: string }> {
  const jar = new CookieJar();
  const path = new URL(link).pathname;
  const form = await getPage(app, jar, path);
  const chosen = await postForm(app, jar, path, {
    _csrf: csrfOf(form.body),
    step: 'password',
    password,
    confirmation: password,
  });
  if (chosen.statusCode !== 303) throw new Error(`password refused: ${chosen.statusCode}`);
  const step = await getPage(app, jar, path);
  const secret = secretOf(step.body);
  const done = await postForm(app, jar, path, {
    _csrf: csrfOf(step.body),
    step: 'authenticator',
    code: await totpCode(secret, clock.now()),
  });
  if (done.statusCode !== 303) throw new Error(`code refused: ${done.statusCode}`);
  return { jar, secret };
}

/** Posts the staff sign-in form from a fresh copy of the page. */
export async function signInStaffPage(
  app: TestApp,
  jar: CookieJar,
  fields: { email: string; password: string; code: string; next?: string },
  lang = 'en',
) {
  const form = await getPage(app, jar, `/${lang}/admin/sign-in`);
  return postForm(app, jar, `/${lang}/admin/sign-in`, { _csrf: csrfOf(form.body), ...fields });
}

/** The audit entries about one staff member, oldest first. */
export async function staffAudit(app: TestApp, staffId: string) {
  return app.db
    .selectFrom('audit_entry')
    .selectAll()
    .where('subject_type', '=', 'staff')
    .where('subject_id', '=', staffId)
    .orderBy('seq')
    .execute();
}

/** The staff member's id by e-mail address. */
export async function staffIdOf(app: TestApp, email: string): Promise<string> {
  const row = await app.db
    .selectFrom('staff')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}
