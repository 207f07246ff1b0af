import type { AuditPage } from '../../../../app/audit/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { withQuery, type AuditFilterValues } from './audit-query.ts';

/** Links to newer and older entries of the same list, keeping its filters. */
export function Pager({
  ctx,
  path,
  values = {},
  page,
}: {
  readonly ctx: PageContext;
  /** The list's path without the language prefix. */
  readonly path: string;
  readonly values?: Partial<AuditFilterValues>;
  readonly page: AuditPage;
}) {
  const first = page.entries[0];
  const last = page.entries.at(-1);
  const url = (cursor?: { olderThan?: number; newerThan?: number }) =>
    withQuery(localPath(ctx, path), values, cursor);
  if (!page.hasNewer && !page.hasOlder) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('admin-audit:list.pagesLabel')}>
      <ul>
        {page.hasNewer && (
          <li>
            <a href={url()}>{ctx.t('admin-audit:list.newest')}</a>
          </li>
        )}
        {page.hasNewer && first !== undefined && (
          <li>
            <a href={url({ newerThan: first.seq })} rel="prev">
              {ctx.t('admin-audit:list.newer')}
            </a>
          </li>
        )}
        {page.hasOlder && last !== undefined && (
          <li>
            <a href={url({ olderThan: last.seq })} rel="next">
              {ctx.t('admin-audit:list.older')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
