import type { Account } from '../../../app/accounts/ports.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { AccountNav } from './account-nav.tsx';
import { CsrfField } from './csrf-field.tsx';
import { ErrorSummary, TextField, type FieldProblem } from './form-errors.tsx';

export interface TeamPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly me: Account;
  readonly members: readonly Account[];
  readonly email: string;
  readonly problem?: FieldProblem;
  /** The address just invited. */
  readonly invited?: string;
}

/** The organisation's members and a form to invite a colleague. */
export function TeamPage({ ctx, csrf, me, members, email, problem, invited }: TeamPageProps) {
  const { t } = ctx;
  const title = t('account:team.title');
  return (
    <Layout ctx={ctx} title={problem ? t('account:errors.title', { title }) : title}>
      <ErrorSummary ctx={ctx} problems={problem ? [problem] : []} />
      <AccountNav ctx={ctx} />
      <h1>{title}</h1>
      {invited !== undefined && (
        <div class="notice" role="status">
          {t('account:team.invited', { email: invited })}
        </div>
      )}
      <table class="results">
        <caption>{t('account:team.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account:team.colEmail')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.email}
                {m.id === me.id && <> {t('account:team.you')}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('account:team.inviteHeading')}</h2>
      <form method="post" action={localPath(ctx, '/account/team')} novalidate>
        <CsrfField token={csrf} />
        <TextField
          ctx={ctx}
          id="email"
          type="email"
          label={t('account:team.emailLabel')}
          hint={t('account:team.emailHint')}
          value={email}
          autocomplete="off"
          maxLength={254}
          problem={problem}
        />
        <button type="submit" class="button">
          {t('account:team.submit')}
        </button>
      </form>
    </Layout>
  );
}
