import type {
  AccountOverview,
  ApplicationSummary,
} from '../../../app/applications/list-applications.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { AccountNav } from '../account/account-nav.tsx';
import { countryName, formatDate, partyPath, roleList } from '../register/formatting.ts';
import { StatusTag } from '../register/status-tag.tsx';

export interface AccountPageProps {
  readonly ctx: PageContext;
  readonly email: string;
  readonly overview: AccountOverview;
  /** The reference of an application just withdrawn. */
  readonly withdrawn?: string;
}

function Actions({ ctx, a }: { readonly ctx: PageContext; readonly a: ApplicationSummary }) {
  const open =
    a.status === 'draft'
      ? { path: `/apply/${a.id}/${a.currentStep}`, key: 'apply:account.continue' }
      : a.status === 'info_requested'
        ? { path: `/apply/${a.id}/review`, key: 'apply:account.answer' }
        : { path: `/apply/${a.id}/review`, key: 'apply:account.view' };
  return (
    <ul class="apply-actions">
      <li>
        <a href={localPath(ctx, open.path)}>
          {ctx.t(open.key)}
          <span class="visually-hidden"> {a.reference}</span>
        </a>
      </li>
      {a.withdrawable && (
        <li>
          <a href={localPath(ctx, `/apply/${a.id}/withdraw`)}>
            {ctx.t('apply:account.withdraw')}
            <span class="visually-hidden"> {a.reference}</span>
          </a>
        </li>
      )}
    </ul>
  );
}

function Applications({
  ctx,
  list,
}: {
  readonly ctx: PageContext;
  readonly list: readonly ApplicationSummary[];
}) {
  if (list.length === 0) return <p>{ctx.t('apply:account.noApplications')}</p>;
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table class="results apply-table">
        <caption class="visually-hidden">{t('apply:account.applicationsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apply:account.colReference')}</th>
            <th scope="col">{t('apply:account.colCode')}</th>
            <th scope="col">{t('apply:account.colStatus')}</th>
            <th scope="col">{t('apply:account.colDates')}</th>
            <th scope="col">{t('apply:account.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.reference}</th>
              <td>
                {a.code ?? '–'}
                {a.countries.length > 0 && (
                  <span class="hint">
                    {a.countries.map((c) => countryName(ctx.lang, c)).join(', ')}
                  </span>
                )}
              </td>
              <td>{t(`applications:status.${a.status}`)}</td>
              <td>
                {t('apply:account.created', { date: formatDate(ctx.lang, a.createdAt) })}
                {a.submittedAt !== null && (
                  <span class="hint">
                    {t('apply:account.submitted', { date: formatDate(ctx.lang, a.submittedAt) })}
                  </span>
                )}
              </td>
              <td>
                <Actions ctx={ctx} a={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Codes({ ctx, overview }: Pick<AccountPageProps, 'ctx' | 'overview'>) {
  const { t } = ctx;
  if (overview.codes.length === 0) return <p>{t('apply:account.noCodes')}</p>;
  return (
    <div class="table-wrap">
      <table class="results">
        <caption class="visually-hidden">{t('apply:account.codesHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apply:account.colCode')}</th>
            <th scope="col">{t('apply:account.colRoles')}</th>
            <th scope="col">{t('apply:account.colStatus')}</th>
            <th scope="col">{t('apply:account.colValidFrom')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.codes.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                <a href={partyPath(ctx.lang, c)}>{`${c.country}*${c.code}`}</a>
              </th>
              <td>{roleList(ctx, c.roles, 'short')}</td>
              <td>
                <StatusTag ctx={ctx} status={c.status} />
              </td>
              <td>{c.validFrom === null ? '–' : formatDate(ctx.lang, c.validFrom)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/{lang}/account`: the organisation's applications and codes. */
export function AccountPage({ ctx, email, overview, withdrawn }: AccountPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('apply:account.title')}>
      <AccountNav ctx={ctx} />
      <h1>{t('apply:account.title')}</h1>
      <p>{t('apply:account.signedInAs', { email })}</p>
      {withdrawn !== undefined && (
        <div class="notice" role="status">
          {t('apply:account.withdrawn', { reference: withdrawn })}
        </div>
      )}
      <p>
        <a class="button" href={localPath(ctx, '/apply')}>
          {t('apply:account.start')}
        </a>
      </p>
      <h2>{t('apply:account.applicationsHeading')}</h2>
      <Applications ctx={ctx} list={overview.applications} />
      <h2>{t('apply:account.codesHeading')}</h2>
      <Codes ctx={ctx} overview={overview} />
      <h2>{t('apply:account.settingsHeading')}</h2>
      <ul>
        <li>
          <a href={localPath(ctx, '/account/team')}>{t('apply:account.teamLink')}</a>
        </li>
        <li>
          <a href={localPath(ctx, '/account/tokens')}>{t('apply:account.tokensLink')}</a>
        </li>
      </ul>
    </Layout>
  );
}
