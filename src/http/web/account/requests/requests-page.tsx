import type { HolderPortal, HolderRequestView } from '../../../../app/lifecycle/holder-requests.ts';
import { startOfDay } from '../../../../domain/register/lifecycle-rules.ts';
import { Layout } from '../../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { AccountNav } from '../account-nav.tsx';
import { displayForms, formatDate } from '../../register/formatting.ts';
import { StatusTag } from '../../register/status-tag.tsx';

export interface RequestsPageProps {
  readonly ctx: PageContext;
  readonly portal: HolderPortal;
  /** The reference of a request just sent. */
  readonly sent?: string | undefined;
}

/** Where a request stands, in the holder's words: received, in progress, scheduled, done… */
export function requestStatus(ctx: PageContext, view: HolderRequestView): string {
  const { t } = ctx;
  const { request, operation } = view;
  if (request.status === 'open') return t('account-requests:status.received');
  if (request.status === 'declined') return t('account-requests:status.declined');
  if (operation === null) return t('account-requests:status.done');
  if (operation.status === 'pending') return t('account-requests:status.inProgress');
  if (operation.status === 'scheduled' && operation.effectiveAt !== null) {
    return t('account-requests:status.scheduled', {
      date: formatDate(ctx.lang, operation.effectiveAt),
    });
  }
  if (operation.status === 'applied') return t('account-requests:status.done');
  return t('account-requests:status.stopped');
}

function codeOf(key: string | null): string | undefined {
  return key === null
    ? undefined
    : displayForms({ country: key.slice(0, 2), code: key.slice(2) }).cpo;
}

function Requests({ ctx, portal }: { readonly ctx: PageContext; readonly portal: HolderPortal }) {
  const { t } = ctx;
  if (portal.requests.length === 0) return <p>{t('account-requests:list.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="results">
        <caption>{t('account-requests:list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account-requests:list.colReference')}</th>
            <th scope="col">{t('account-requests:list.colWhat')}</th>
            <th scope="col">{t('account-requests:list.colSent')}</th>
            <th scope="col">{t('account-requests:list.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {portal.requests.map((view) => {
            const { request } = view;
            const code = codeOf(request.codeKey);
            return (
              <tr key={request.id}>
                <th scope="row">{request.reference}</th>
                <td>
                  {code === undefined
                    ? t(`account-requests:kinds.${request.kind}`)
                    : t('account-requests:list.kindForCode', {
                        kind: t(`account-requests:kinds.${request.kind}`),
                        code,
                      })}
                  {request.kind === 'termination' && (
                    <span class="hint">
                      {t('account-requests:list.wantedDate', {
                        date: formatDate(ctx.lang, startOfDay(request.payload.effectiveDay)),
                      })}
                    </span>
                  )}
                </td>
                <td>
                  <time dateTime={request.createdAt}>
                    {formatDate(ctx.lang, request.createdAt)}
                  </time>
                </td>
                <td>
                  {requestStatus(ctx, view)}
                  {request.outcomeNote !== null && <span class="hint">{request.outcomeNote}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Codes({ ctx, portal }: { readonly ctx: PageContext; readonly portal: HolderPortal }) {
  const { t } = ctx;
  return (
    <ul>
      {portal.codes.map((c) => (
        <li key={c.key}>
          <span class="mono">{displayForms(c).cpo}</span> <StatusTag ctx={ctx} status={c.status} />
        </li>
      ))}
      {portal.codes.length === 0 && <li>{t('account-requests:page.noCodes')}</li>}
    </ul>
  );
}

/** `/{lang}/account/requests`: what the holder may ask for, and what it asked. */
export function RequestsPage({ ctx, portal, sent }: RequestsPageProps) {
  const { t } = ctx;
  const title = t('account-requests:page.title');
  const earliest = formatDate(ctx.lang, startOfDay(portal.earliestTermination));
  return (
    <Layout ctx={ctx} title={title}>
      <AccountNav ctx={ctx} />
      <h1>{title}</h1>
      {sent !== undefined && (
        <div class="notice" role="status">
          {t('account-requests:page.sent', { reference: sent })}
        </div>
      )}
      {portal.holder === null ? (
        <p>{t('account-requests:page.notHolder')}</p>
      ) : (
        <>
          <p class="lead">{t('account-requests:page.lead', { holder: portal.holder.legalName })}</p>
          <h2>{t('account-requests:page.codesHeading')}</h2>
          <Codes ctx={ctx} portal={portal} />
          <h2>{t('account-requests:page.askHeading')}</h2>
          <ul>
            <li>
              <a href={localPath(ctx, '/account/requests/termination')}>
                {t('account-requests:termination.link')}
              </a>
              <span class="hint">{t('account-requests:termination.summary', { earliest })}</span>
            </li>
            <li>
              <a href={localPath(ctx, '/account/requests/details')}>
                {t('account-requests:details.link')}
              </a>
              <span class="hint">{t('account-requests:details.summary')}</span>
            </li>
            <li>
              <a href={localPath(ctx, '/account/requests/transfer')}>
                {t('account-requests:transfer.link')}
              </a>
              <span class="hint">{t('account-requests:transfer.summary')}</span>
            </li>
          </ul>
        </>
      )}
      <h2>{t('account-requests:list.heading')}</h2>
      <Requests ctx={ctx} portal={portal} />
    </Layout>
  );
}
