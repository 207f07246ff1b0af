import type { ComponentChildren } from 'preact';
import type { AuditPage } from '../../../../app/audit/ports.ts';
import type { CodeTrail, HolderTrail } from '../../../../app/audit/read-audit-trail.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { partyPathOfKey } from '../../register/formatting.ts';
import { AdminLayout } from '../admin-layout.tsx';
import {
  actionLabel,
  actorText,
  AUDIT_PATH,
  ChangesTable,
  codeDisplay,
  codeTrailPath,
  DateTime,
  SummaryRow,
  type EntryProps,
  holderTrailPath,
  SubjectLinks,
  type HolderNames,
} from './entry-parts.tsx';
import { Pager } from './pager.tsx';

/** One entry in full: when, who, about what, why, and the fields it changed. */
function EntryDetail({ ctx, entry, names }: EntryProps) {
  const { t } = ctx;
  const id = `entry-${entry.seq}`;
  return (
    <section class="audit-entry" aria-labelledby={id}>
      <h2 id={id}>
        {t('admin-audit:trail.entryHeading', {
          seq: entry.seq,
          action: actionLabel(ctx, entry.action),
        })}
      </h2>
      <dl class="summary-list">
        <SummaryRow label={t('admin-audit:trail.when')}>
          <DateTime ctx={ctx} iso={entry.at} />
        </SummaryRow>
        <SummaryRow label={t('admin-audit:trail.who')}>{actorText(ctx, entry)}</SummaryRow>
        <SummaryRow label={t('admin-audit:trail.what')}>
          <SubjectLinks ctx={ctx} entry={entry} names={names} />
        </SummaryRow>
        <SummaryRow label={t('admin-audit:trail.why')}>
          {entry.reason ?? t('admin-audit:list.noReason')}
        </SummaryRow>
      </dl>
      <ChangesTable ctx={ctx} entry={entry} names={names} />
    </section>
  );
}

function TrailPage({
  ctx,
  staff,
  title,
  lead,
  facts,
  path,
  page,
  names,
}: {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly title: string;
  readonly lead: string;
  readonly facts: ComponentChildren;
  /** This page's path without the language prefix, for the page links. */
  readonly path: string;
  readonly page: AuditPage;
  readonly names: HolderNames;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} staff={staff} title={title}>
      <p class="back-link">
        <a href={localPath(ctx, AUDIT_PATH)}>{t('admin-audit:trail.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{lead}</p>
      {facts}
      {page.entries.length === 0 ? (
        <p>{t('admin-audit:trail.none')}</p>
      ) : (
        page.entries.map((entry) => (
          <EntryDetail key={entry.seq} ctx={ctx} entry={entry} names={names} />
        ))
      )}
      <Pager ctx={ctx} path={path} page={page} />
    </AdminLayout>
  );
}

/** `/{lang}/admin/audit/holders/{holderId}`: everything the trail says about one holder. */
export function HolderTrailPage({
  ctx,
  staff,
  trail,
}: {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly trail: HolderTrail;
}) {
  const { t } = ctx;
  const title =
    trail.legalName === null
      ? t('admin-audit:trail.holderUnknown', { id: trail.holderId })
      : t('admin-audit:trail.holderTitle', { name: trail.legalName });
  return (
    <TrailPage
      ctx={ctx}
      staff={staff}
      title={title}
      lead={t('admin-audit:trail.holderLead')}
      facts={trail.legalName === null && <p>{t('admin-audit:trail.holderNotInRegister')}</p>}
      path={holderTrailPath(trail.holderId)}
      page={trail.page}
      names={trail.holderNames}
    />
  );
}

/** `/{lang}/admin/audit/codes/{key}`: everything the trail says about one code. */
export function CodeTrailPage({
  ctx,
  staff,
  trail,
}: {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly trail: CodeTrail;
}) {
  const { t } = ctx;
  const { record } = trail;
  const facts =
    record === null ? (
      <p>{t('admin-audit:trail.codeNotInRegister')}</p>
    ) : (
      <>
        <p>
          {t('admin-audit:trail.codeHeldBy', {
            name: record.holder.legalName,
            status: t(`register:statuses.${record.status}`),
          })}
        </p>
        <ul>
          <li>
            <a href={partyPathOfKey(ctx.lang, record.key)}>{t('admin-audit:trail.publicPage')}</a>
          </li>
          <li>
            <a href={localPath(ctx, holderTrailPath(record.holder.id))}>
              {t('admin-audit:trail.holderTrail')}
            </a>
          </li>
        </ul>
      </>
    );
  return (
    <TrailPage
      ctx={ctx}
      staff={staff}
      title={t('admin-audit:trail.codeTitle', { code: codeDisplay(trail.key) })}
      lead={t('admin-audit:trail.codeLead')}
      facts={facts}
      path={codeTrailPath(trail.key)}
      page={trail.page}
      names={trail.holderNames}
    />
  );
}
