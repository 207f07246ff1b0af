import { Layout } from '../../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { ErrorSummary } from '../../account/form-errors.tsx';
import { CodeField, NewPasswordFields } from './credential-fields.tsx';
import { titled, type FieldProblem } from './form.tsx';

interface EnrolPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly token: string;
  readonly email: string;
  readonly problems?: readonly FieldProblem[];
}

/** Enrolment, step one: choose a password. */
export function EnrolPasswordPage({ ctx, csrf, token, email, problems = [] }: EnrolPageProps) {
  const { t } = ctx;
  const title = t('admin-staff:enrol.passwordTitle');
  return (
    <Layout ctx={ctx} title={titled(ctx, title, problems)}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <p class="apply-step-count">{t('admin-staff:enrol.stepCount', { step: 1, total: 2 })}</p>
      <h1>{title}</h1>
      <p class="lead">{t('admin-staff:enrol.passwordLead', { email })}</p>
      <form method="post" action={localPath(ctx, `/admin/enrol/${token}`)} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="step" value="password" />
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <NewPasswordFields ctx={ctx} problems={problems} />
        <button type="submit" class="button">
          {t('admin-staff:enrol.passwordSubmit')}
        </button>
      </form>
    </Layout>
  );
}

/** The secret in groups of four characters, easier to type into an app. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Enrolment, step two: register the authenticator app and confirm it with a current code. */
export function EnrolAuthenticatorPage(
  props: EnrolPageProps & { readonly secret: string; readonly qrSvg: string },
) {
  const { ctx, csrf, token, email, secret, qrSvg, problems = [] } = props;
  const { t } = ctx;
  const title = t('admin-staff:enrol.totpTitle');
  return (
    <Layout ctx={ctx} title={titled(ctx, title, problems)}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <p class="apply-step-count">{t('admin-staff:enrol.stepCount', { step: 2, total: 2 })}</p>
      <h1>{title}</h1>
      <p class="lead">{t('admin-staff:enrol.totpLead')}</p>
      <h2>{t('admin-staff:enrol.scanHeading')}</h2>
      <p>{t('admin-staff:enrol.scanText')}</p>
      {/* The QR code is SVG markup made by the server from the secret alone: no script, no style. */}
      <div class="qr-code" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <h2>{t('admin-staff:enrol.typeHeading')}</h2>
      <p>{t('admin-staff:enrol.typeText', { email })}</p>
      <p>
        <code class="mono" id="totp-secret">
          {grouped(secret)}
        </code>
      </p>
      <h2>{t('admin-staff:enrol.confirmHeading')}</h2>
      <form method="post" action={localPath(ctx, `/admin/enrol/${token}`)} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="step" value="authenticator" />
        <CodeField ctx={ctx} problems={problems} />
        <button type="submit" class="button">
          {t('admin-staff:enrol.totpSubmit')}
        </button>
      </form>
      <p>
        <a href={localPath(ctx, `/admin/enrol/${token}?step=password`)}>
          {t('admin-staff:enrol.otherPassword')}
        </a>
      </p>
    </Layout>
  );
}

/** A link that was used, has expired, was mistyped, or whose member is disabled. */
export function EnrolLinkInvalidPage({ ctx }: { readonly ctx: PageContext }) {
  const { t } = ctx;
  const title = t('admin-staff:enrol.invalidTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('admin-staff:enrol.invalidText')}</p>
      <p>{t('admin-staff:enrol.invalidHelp')}</p>
      <p>
        <a href={localPath(ctx, '/admin/sign-in')}>{t('admin-staff:enrol.invalidSignIn')}</a>
      </p>
    </Layout>
  );
}
