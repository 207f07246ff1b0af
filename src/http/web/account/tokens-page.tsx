import type { ApiTokenSummary } from '../../../app/accounts/ports.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { AccountNav } from './account-nav.tsx';
import { CsrfField } from './csrf-field.tsx';
import { ErrorSummary, TextField, type FieldProblem } from './form-errors.tsx';

export interface TokensPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly tokens: readonly ApiTokenSummary[];
  readonly name: string;
  readonly problem?: FieldProblem;
  /** A token just made: shown this once. */
  readonly created?: { readonly name: string; readonly token: string };
}

function day(ctx: PageContext, iso: string | null): string {
  if (iso === null) return ctx.t('account:tokens.never');
  return new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

function TokenTable({ ctx, csrf, tokens }: Pick<TokensPageProps, 'ctx' | 'csrf' | 'tokens'>) {
  const { t } = ctx;
  if (tokens.length === 0) return <p>{t('account:tokens.none')}</p>;
  return (
    <table class="results">
      <caption>{t('account:tokens.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('account:tokens.colName')}</th>
          <th scope="col">{t('account:tokens.colCreated')}</th>
          <th scope="col">{t('account:tokens.colLastUsed')}</th>
          <th scope="col">{t('account:tokens.colAction')}</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <th scope="row">{token.name}</th>
            <td>{day(ctx, token.createdAt)}</td>
            <td>{day(ctx, token.lastUsedAt)}</td>
            <td>
              <form method="post" action={localPath(ctx, `/account/tokens/${token.id}/revoke`)}>
                <CsrfField token={csrf} />
                <button type="submit" class="button">
                  {t('account:tokens.revoke')}
                  <span class="visually-hidden"> {token.name}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** API tokens for machine clients: create one (shown once) and revoke them. */
export function TokensPage({ ctx, csrf, tokens, name, problem, created }: TokensPageProps) {
  const { t } = ctx;
  const title = t('account:tokens.title');
  return (
    <Layout ctx={ctx} title={problem ? t('account:errors.title', { title }) : title}>
      <ErrorSummary ctx={ctx} problems={problem ? [problem] : []} />
      <AccountNav ctx={ctx} />
      <h1>{title}</h1>
      <p class="lead">{t('account:tokens.lead')}</p>
      {created !== undefined && (
        <div class="notice" role="status">
          <p>{t('account:tokens.created', { name: created.name })}</p>
          <p>
            <code class="mono" id="new-token">
              {created.token}
            </code>
          </p>
        </div>
      )}
      <TokenTable ctx={ctx} csrf={csrf} tokens={tokens} />
      <h2>{t('account:tokens.createHeading')}</h2>
      <form method="post" action={localPath(ctx, '/account/tokens')} novalidate>
        <CsrfField token={csrf} />
        <TextField
          ctx={ctx}
          id="name"
          label={t('account:tokens.nameLabel')}
          hint={t('account:tokens.nameHint')}
          value={name}
          autocomplete="off"
          maxLength={100}
          problem={problem}
        />
        <button type="submit" class="button">
          {t('account:tokens.submit')}
        </button>
      </form>
    </Layout>
  );
}
