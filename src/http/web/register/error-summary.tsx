import type { PageContext } from '../../../views/page-context.ts';

export interface SummaryItem {
  /** Where the message leads: the field at fault, or a page that puts things right. */
  readonly href: string;
  readonly text: string;
}

/** The GOV.UK error summary: first on the page, each problem a link to where it is fixed. */
export function ErrorSummary({
  ctx,
  items,
}: {
  readonly ctx: PageContext;
  readonly items: readonly SummaryItem[];
}) {
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('register:errors.summaryTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
