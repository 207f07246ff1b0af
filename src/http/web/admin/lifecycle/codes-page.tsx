import type { PartyRecord } from '../../../../app/register/models.ts';
import { CODE_QUERY_MAX } from '../../../../app/lifecycle/queries.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { AdminLayout } from '../admin-layout.tsx';
import { displayForms } from '../../register/formatting.ts';
import { StatusTag } from '../../register/status-tag.tsx';
import { pageTitle, ProblemSummary, TextInput, type FormProblem } from './form-fields.tsx';
import { DateText } from './request-details.tsx';

export interface CodesPageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly q: string;
  /** Null before a search. */
  readonly results: readonly PartyRecord[] | null;
  readonly problems: readonly FormProblem[];
}

function Results({
  ctx,
  results,
}: {
  readonly ctx: PageContext;
  readonly results: readonly PartyRecord[];
}) {
  const { t } = ctx;
  if (results.length === 0) return <p>{t('admin-lifecycle:codes.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="results">
        <caption>{t('admin-lifecycle:codes.caption', { count: results.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin-lifecycle:codes.colCode')}</th>
            <th scope="col">{t('admin-lifecycle:codes.colHolder')}</th>
            <th scope="col">{t('admin-lifecycle:codes.colStatus')}</th>
            <th scope="col">{t('admin-lifecycle:codes.colValidTo')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <a href={localPath(ctx, `/admin/codes/${r.key}`)} class="mono">
                  {displayForms(r).cpo}
                </a>
              </th>
              <td>{r.holder.legalName}</td>
              <td>
                <StatusTag ctx={ctx} status={r.status} />
              </td>
              <td>
                {r.validTo === null ? (
                  t('admin-lifecycle:code.noEndDate')
                ) : (
                  <DateText ctx={ctx} iso={r.validTo} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/{lang}/admin/codes`: find an issued code by its ID or its holder's name. */
export function CodesPage({ ctx, staff, q, results, problems }: CodesPageProps) {
  const { t } = ctx;
  const title = t('admin-lifecycle:codes.title');
  return (
    <AdminLayout ctx={ctx} staff={staff} title={pageTitle(ctx, title, problems)}>
      <ProblemSummary ctx={ctx} problems={problems} />
      <h1>{title}</h1>
      <p class="lead">{t('admin-lifecycle:codes.lead')}</p>
      <form method="get" action={localPath(ctx, '/admin/codes')} class="apply-form" role="search">
        <TextInput
          ctx={ctx}
          id="q"
          label={t('admin-lifecycle:codes.qLabel')}
          hint={t('admin-lifecycle:codes.qHint')}
          value={q}
          maxLength={CODE_QUERY_MAX}
          problems={problems}
        />
        <button type="submit" class="button">
          {t('admin-lifecycle:codes.submit')}
        </button>
      </form>
      {results !== null && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('admin-lifecycle:codes.resultsHeading')}</h2>
          <Results ctx={ctx} results={results} />
        </section>
      )}
    </AdminLayout>
  );
}
