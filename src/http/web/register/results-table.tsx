import type { PartyPage } from '../../../app/register/list-parties.ts';
import type { PartyRecord } from '../../../app/register/models.ts';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { displayForms, formatDate, partyPath, roleList } from './formatting.ts';
import { searchUrl, type SearchValues } from './search-query.ts';
import { StatusTag } from './status-tag.tsx';

function ResultRow({ ctx, record }: { readonly ctx: PageContext; readonly record: PartyRecord }) {
  const forms = displayForms(record);
  return (
    <tr>
      <th scope="row">
        <a href={partyPath(ctx.lang, record)} class="mono">
          {forms.cpo}
        </a>
        <span class="id-alternative mono">{forms.emsp}</span>
      </th>
      <td>
        {record.holder.legalName}
        {record.holder.tradingName !== null && (
          <span class="trading-name">
            {ctx.t('register:results.tradingAs', { name: record.holder.tradingName })}
          </span>
        )}
      </td>
      <td>{roleList(ctx, record.roles, 'short')}</td>
      <td>
        <StatusTag ctx={ctx} status={record.status} />
      </td>
      <td>
        {record.validFrom === null ? (
          ctx.t('register:common.unknownDate')
        ) : (
          <time dateTime={record.validFrom}>{formatDate(ctx.lang, record.validFrom)}</time>
        )}
      </td>
    </tr>
  );
}

interface ResultsProps {
  readonly ctx: PageContext;
  readonly values: SearchValues;
  readonly page: PartyPage;
  /** Whether this is a later page, reached through a cursor. */
  readonly later: boolean;
}

/** Every result on one page is counted; the total is known only when it all fits on one page. */
function caption({ ctx, page, later }: Omit<ResultsProps, 'values'>): string {
  const count = page.items.length;
  if (!later && page.nextCursor === null) return ctx.t('register:results.captionAll', { count });
  return ctx.t(later ? 'register:results.captionLater' : 'register:results.captionFirst', {
    count,
  });
}

function Pagination({ ctx, values, page, later }: ResultsProps) {
  if (page.nextCursor === null && !later) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('register:results.paginationLabel')}>
      <ul>
        {later && (
          <li>
            <a href={searchUrl(ctx.lang, values)}>{ctx.t('register:results.firstPage')}</a>
          </li>
        )}
        {page.nextCursor !== null && (
          <li>
            <a href={searchUrl(ctx.lang, values, page.nextCursor)} rel="next">
              {ctx.t('register:results.nextPage')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

function NoResults({ ctx, later }: { readonly ctx: PageContext; readonly later: boolean }) {
  return (
    <div class="notice" id="results">
      <h2>{ctx.t('register:results.noneTitle')}</h2>
      <p>{ctx.t(later ? 'register:results.noneLater' : 'register:results.noneHint')}</p>
      <p>
        <a href={localPath(ctx, '/register')}>{ctx.t('register:results.clear')}</a>
      </p>
    </div>
  );
}

/** The codes found, as a table whose caption says how many, with links to the next page. */
export function Results(props: ResultsProps) {
  const { ctx, page } = props;
  if (page.items.length === 0) return <NoResults ctx={ctx} later={props.later} />;
  return (
    <section aria-labelledby="results-heading" id="results">
      <h2 id="results-heading" class="visually-hidden">
        {ctx.t('register:results.heading')}
      </h2>
      <div class="table-wrap">
        <table class="register-table">
          <caption>{caption(props)}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('register:results.colId')}</th>
              <th scope="col">{ctx.t('register:results.colHolder')}</th>
              <th scope="col">{ctx.t('register:results.colRoles')}</th>
              <th scope="col">{ctx.t('register:results.colStatus')}</th>
              <th scope="col">{ctx.t('register:results.colValidFrom')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((record) => (
              <ResultRow key={record.key} ctx={ctx} record={record} />
            ))}
          </tbody>
        </table>
      </div>
      <Pagination {...props} />
    </section>
  );
}
