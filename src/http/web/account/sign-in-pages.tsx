import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { CsrfField } from './csrf-field.tsx';
import { ErrorSummary, TextField, type FieldProblem } from './form-errors.tsx';

export interface SignInPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly email: string;
  readonly next: string | undefined;
  readonly problem?: FieldProblem;
}

function titled(ctx: PageContext, title: string, problem: unknown): string {
  return problem === undefined ? title : ctx.t('account:errors.title', { title });
}

/** Asks for an e-mail address and mails a one-time link to it. */
export function SignInPage({ ctx, csrf, email, next, problem }: SignInPageProps) {
  const { t } = ctx;
  const title = t('account:signIn.title');
  return (
    <Layout ctx={ctx} title={titled(ctx, title, problem)}>
      <ErrorSummary ctx={ctx} problems={problem ? [problem] : []} />
      <h1>{title}</h1>
      <p class="lead">{t('account:signIn.lead')}</p>
      <form method="post" action={localPath(ctx, '/sign-in')} novalidate>
        <CsrfField token={csrf} />
        {next !== undefined && <input type="hidden" name="next" value={next} />}
        <TextField
          ctx={ctx}
          id="email"
          type="email"
          label={t('account:signIn.emailLabel')}
          hint={t('account:signIn.emailHint')}
          value={email}
          autocomplete="email"
          maxLength={254}
          problem={problem}
        />
        <button type="submit" class="button">
          {t('account:signIn.submit')}
        </button>
      </form>
    </Layout>
  );
}

/** Says a link is on its way, without saying whether the address has an account. */
export function CheckMailboxPage({
  ctx,
  email,
}: {
  readonly ctx: PageContext;
  readonly email: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account:checkMailbox.title')}>
      <h1>{t('account:checkMailbox.title')}</h1>
      <p class="lead">{t('account:checkMailbox.lead', { email })}</p>
      <p>{t('account:checkMailbox.expiry', { minutes: 20 })}</p>
      <p>{t('account:checkMailbox.notArrived')}</p>
      <p>
        <a href={localPath(ctx, '/sign-in')}>{t('account:checkMailbox.again')}</a>
      </p>
    </Layout>
  );
}

/**
 * The page a mailed link opens: a button whose POST uses the link, so mail scanners that fetch
 * links do not use it up.
 */
export function ConfirmLinkPage({
  ctx,
  csrf,
  action,
}: {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly action: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account:confirmLink.title')}>
      <h1>{t('account:confirmLink.title')}</h1>
      <p class="lead">{t('account:confirmLink.lead')}</p>
      <form method="post" action={action}>
        <CsrfField token={csrf} />
        <button type="submit" class="button">
          {t('account:confirmLink.submit')}
        </button>
      </form>
    </Layout>
  );
}

/** A link that was used, expired, mistyped, or invites someone who is elsewhere already. */
export function LinkInvalidPage({
  ctx,
  reason,
}: {
  readonly ctx: PageContext;
  readonly reason: 'link_invalid' | 'other_organisation';
}) {
  const { t } = ctx;
  const title = t(`account:linkInvalid.${reason}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t(`account:linkInvalid.${reason}.text`)}</p>
      <p>
        <a href={localPath(ctx, '/sign-in')}>{t('account:linkInvalid.newLink')}</a>
      </p>
    </Layout>
  );
}

/** Confirms signing out; a second button ends every session of the account. */
export function SignOutPage({ ctx, csrf }: { readonly ctx: PageContext; readonly csrf: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account:signOut.title')}>
      <h1>{t('account:signOut.title')}</h1>
      <form method="post" action={localPath(ctx, '/sign-out')}>
        <CsrfField token={csrf} />
        <p>
          <button type="submit" class="button">
            {t('account:signOut.submit')}
          </button>
        </p>
        <p>
          <button type="submit" class="button" name="everywhere" value="1">
            {t('account:signOut.everywhere')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
