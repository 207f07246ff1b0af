import type { StaffMember } from '../../../../app/staff/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { ErrorSummary } from '../../account/form-errors.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { CodeField, NewPasswordFields, PasswordField } from './credential-fields.tsx';
import { titled, type FieldProblem } from './form.tsx';

export interface SecurityPageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly problems?: readonly FieldProblem[];
  /** The password was just changed. */
  readonly changed?: boolean;
}

/** `/{lang}/admin/security`: change one's password; sign out on every device. */
export function SecurityPage({ ctx, staff, csrf, problems = [], changed }: SecurityPageProps) {
  const { t } = ctx;
  const title = t('admin-staff:security.title');
  return (
    <AdminLayout ctx={ctx} staff={staff} title={titled(ctx, title, problems)}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <h1>{title}</h1>
      {changed === true && (
        <div class="notice" role="status">
          <p>{t('admin-staff:security.changed')}</p>
        </div>
      )}
      <h2>{t('admin-staff:security.passwordHeading')}</h2>
      <p>{t('admin-staff:security.passwordLead')}</p>
      <form method="post" action={localPath(ctx, '/admin/security/password')} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="username" value={staff.email} autocomplete="username" />
        <PasswordField
          ctx={ctx}
          id="current"
          label={t('admin-staff:fields.currentPassword')}
          autocomplete="current-password"
          problems={problems}
        />
        <CodeField ctx={ctx} problems={problems} />
        <NewPasswordFields ctx={ctx} problems={problems} />
        <button type="submit" class="button">
          {t('admin-staff:security.passwordSubmit')}
        </button>
      </form>
      <h2>{t('admin-staff:security.everywhereHeading')}</h2>
      <p>{t('admin-staff:security.everywhereLead')}</p>
      <form method="post" action={localPath(ctx, '/admin/sign-out')}>
        <CsrfField token={csrf} />
        <button type="submit" class="button button--warning" name="everywhere" value="1">
          {t('admin-staff:security.everywhereSubmit')}
        </button>
      </form>
    </AdminLayout>
  );
}

/** `/{lang}/admin/sign-out`: a confirmation whose form posts. */
export function StaffSignOutPage({
  ctx,
  staff,
  csrf,
}: {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
}) {
  const { t } = ctx;
  const title = t('admin-staff:signOut.title');
  return (
    <AdminLayout ctx={ctx} staff={staff} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('admin-staff:signOut.lead', { email: staff.email })}</p>
      <form method="post" action={localPath(ctx, '/admin/sign-out')}>
        <CsrfField token={csrf} />
        <p>
          <button type="submit" class="button">
            {t('admin-staff:signOut.submit')}
          </button>
        </p>
        <p>
          <button type="submit" class="button" name="everywhere" value="1">
            {t('admin-staff:signOut.everywhere')}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}
