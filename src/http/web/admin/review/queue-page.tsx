import type { QueueItem } from '../../../../app/review/review-queue.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { formatDate } from '../../register/formatting.ts';
import { AdminLayout } from '../admin-layout.tsx';
import { ClockText, deadlineText } from './parts.tsx';

function Row({ ctx, item }: { readonly ctx: PageContext; readonly item: QueueItem }) {
  const { t } = ctx;
  return (
    <tr class={item.clock.overdue ? 'review-overdue' : undefined}>
      <th scope="row">
        <a href={localPath(ctx, `/admin/applications/${item.id}`)}>{item.reference}</a>
      </th>
      <td>{item.organisation ?? '–'}</td>
      <td>
        {item.codes.map((code) => (
          <span class="mono review-code" key={code}>
            {code}{' '}
          </span>
        ))}
      </td>
      <td>{item.submittedAt === null ? '–' : formatDate(ctx.lang, item.submittedAt)}</td>
      <td>{deadlineText(ctx, item.clock)}</td>
      <td>
        <ClockText ctx={ctx} clock={item.clock} />
      </td>
      <td>
        {t(`applications:status.${item.status}`)}
        {item.assignedTo !== null && (
          <span class="hint">
            {t('admin-review:queue.assignedTo', { email: item.assignedTo.email })}
          </span>
        )}
      </td>
    </tr>
  );
}

/** `/{lang}/admin`: the applications waiting for a decision or for the applicant. */
export function QueuePage({
  ctx,
  staff,
  items,
}: {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly items: readonly QueueItem[];
}) {
  const { t } = ctx;
  const overdue = items.filter((i) => i.clock.overdue).length;
  return (
    <AdminLayout ctx={ctx} staff={staff} title={t('admin-review:queue.title')}>
      <h1>{t('admin-review:queue.title')}</h1>
      <p class="lead">{t('admin-review:queue.lead')}</p>
      {overdue > 0 && (
        <p class="notice">
          <strong>{t('admin-review:queue.overdueCount', { count: overdue })}</strong>
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('admin-review:queue.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="results review-queue">
            <caption>{t('admin-review:queue.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin-review:queue.colReference')}</th>
                <th scope="col">{t('admin-review:queue.colOrganisation')}</th>
                <th scope="col">{t('admin-review:queue.colCodes')}</th>
                <th scope="col">{t('admin-review:queue.colSubmitted')}</th>
                <th scope="col">{t('admin-review:queue.colDeadline')}</th>
                <th scope="col">{t('admin-review:queue.colDaysLeft')}</th>
                <th scope="col">{t('admin-review:queue.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <Row key={item.id} ctx={ctx} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
