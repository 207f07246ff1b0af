import type { PartyPage } from '../../../app/register/list-parties.ts';
import { Layout } from '../../../views/layout.tsx';
import type { PageContext } from '../../../views/page-context.ts';
import { Downloads } from './downloads.tsx';
import { ErrorSummary, type SummaryItem } from './error-summary.tsx';
import { Results } from './results-table.tsx';
import { SearchForm } from './search-form.tsx';
import { MAX_QUERY_LENGTH, searchUrl, type SearchQuery } from './search-query.ts';

interface SearchPageProps {
  readonly ctx: PageContext;
  readonly search: SearchQuery;
  /** The results; absent when the search could not be run because of its errors. */
  readonly page: PartyPage | undefined;
}

/** A bad cursor is not a field: its message leads back to the first page of the same search. */
function summaryItems(ctx: PageContext, search: SearchQuery): SummaryItem[] {
  return search.errors.map((e) => ({
    href: e.field === 'cursor' ? searchUrl(ctx.lang, search.values) : `#${e.field}`,
    text: ctx.t(`register:errors.${e.message}`, { limit: MAX_QUERY_LENGTH }),
  }));
}

/** The register search: form, error summary, results with pages, and the exports. */
export function SearchPage({ ctx, search, page }: SearchPageProps) {
  const title = ctx.t('register:search.title');
  const hasErrors = search.errors.length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t('register:errors.titlePrefix', { title }) : title}>
      <ErrorSummary ctx={ctx} items={summaryItems(ctx, search)} />
      <h1>{title}</h1>
      <p class="lead">{ctx.t('register:search.lead')}</p>
      <SearchForm ctx={ctx} values={search.values} errors={search.errors} />
      {page !== undefined && (
        <Results ctx={ctx} values={search.values} page={page} later={search.cursor !== undefined} />
      )}
      <Downloads ctx={ctx} />
    </Layout>
  );
}
