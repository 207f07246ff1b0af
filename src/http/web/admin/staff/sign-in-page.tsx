import { Layout } from '../../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { ErrorSummary } from '../../account/form-errors.tsx';
import { CodeField, PasswordField } from './credential-fields.tsx';
import { Input, titled, type FieldProblem } from './form.tsx';

export interface StaffSignInPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly email: string;
  readonly next: string | undefined;
  readonly problems?: readonly FieldProblem[];
}

/** `/{lang}/admin/sign-in`: e-mail, password and the authenticator's code, all three required. */
export function StaffSignInPage({ ctx, csrf, email, next, problems = [] }: StaffSignInPageProps) {
  const { t } = ctx;
  const title = t('admin-staff:signIn.title');
  return (
    <Layout ctx={ctx} title={titled(ctx, title, problems)}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <h1>{title}</h1>
      <p class="lead">{t('admin-staff:signIn.lead')}</p>
      <form method="post" action={localPath(ctx, '/admin/sign-in')} novalidate>
        <CsrfField token={csrf} />
        {next !== undefined && <input type="hidden" name="next" value={next} />}
        <Input
          ctx={ctx}
          id="email"
          type="email"
          label={t('admin-staff:fields.email')}
          value={email}
          autocomplete="username"
          maxLength={254}
          problems={problems}
        />
        <PasswordField
          ctx={ctx}
          id="password"
          label={t('admin-staff:fields.password')}
          autocomplete="current-password"
          problems={problems}
        />
        <CodeField ctx={ctx} problems={problems} />
        <button type="submit" class="button">
          {t('admin-staff:signIn.submit')}
        </button>
      </form>
      <p>{t('admin-staff:signIn.help')}</p>
    </Layout>
  );
}
