import type { RegisterEvent } from '../../../app/register/models.ts';
import type { PageContext } from '../../../views/page-context.ts';
import { formatDate } from './formatting.ts';

function statusChange(ctx: PageContext, event: RegisterEvent): string {
  const status = (s: string) => ctx.t(`register:statusWords.${s}`);
  const until = event.record.validTo;
  if (event.type === 'withdrawal_scheduled' && until !== null) {
    return ctx.t('register:history.withdrawalOn', { date: formatDate(ctx.lang, until) });
  }
  if (event.fromStatus !== null && event.toStatus !== null && event.fromStatus !== event.toStatus) {
    return ctx.t('register:history.statusFromTo', {
      from: status(event.fromStatus),
      to: status(event.toStatus),
    });
  }
  if (event.fromStatus === null && event.toStatus !== null) {
    return ctx.t('register:history.statusSet', { to: status(event.toStatus) });
  }
  return ctx.t('register:history.statusUnchanged');
}

/** A lifecycle change's public reason in the page's language; older reasons as written. */
function reasonOf(ctx: PageContext, event: RegisterEvent): string {
  const code = event.reasonCode ?? null;
  if (code !== null) return ctx.t(`register:publicReasons.${code}`);
  return event.reason ?? ctx.t('register:history.noReason');
}

/** The public history of one code, oldest first, each change in words. */
export function HistoryTable({
  ctx,
  history,
}: {
  readonly ctx: PageContext;
  readonly history: readonly RegisterEvent[];
}) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{ctx.t('register:history.heading')}</h2>
      {history.length === 0 ? (
        <p>{ctx.t('register:history.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="history-table">
            <caption>{ctx.t('register:history.caption', { count: history.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('register:history.colDate')}</th>
                <th scope="col">{ctx.t('register:history.colEvent')}</th>
                <th scope="col">{ctx.t('register:history.colStatus')}</th>
                <th scope="col">{ctx.t('register:history.colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.at}>{formatDate(ctx.lang, event.at)}</time>
                  </td>
                  <td>{ctx.t(`register:events.${event.type}`)}</td>
                  <td>{statusChange(ctx, event)}</td>
                  <td>{reasonOf(ctx, event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
