import type { PageContext } from '../../../views/page-context.ts';

const EXPORTS = [
  { href: '/register.csv', format: 'CSV', key: 'csv', type: 'text/csv' },
  { href: '/register.json', format: 'JSON', key: 'json', type: 'application/json' },
  { href: '/register.ndjson', format: 'NDJSON', key: 'ndjson', type: 'application/x-ndjson' },
] as const;

/** The open-data exports, each with its format and what it holds, and the way to the API. */
export function Downloads({ ctx }: { readonly ctx: PageContext }) {
  return (
    <section class="downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{ctx.t('register:downloads.heading')}</h2>
      <p>{ctx.t('register:downloads.intro')}</p>
      <ul class="download-list">
        {EXPORTS.map((e) => (
          <li key={e.key}>
            <a href={e.href} type={e.type}>
              {ctx.t(`register:downloads.${e.key}.link`, { format: e.format })}
            </a>
            <span class="hint">{ctx.t(`register:downloads.${e.key}.description`)}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/docs">{ctx.t('register:downloads.apiLink')}</a>
      </p>
    </section>
  );
}
