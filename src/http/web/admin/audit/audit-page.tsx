import type { AuditOverview } from '../../../../app/audit/read-audit-trail.ts';
import type { AuditEntry } from '../../../../app/audit/ports.ts';
import type { AuditVerification } from '../../../../app/audit/verify-audit-trail.ts';
import { formatHead } from '../../../../app/audit/verify-audit-trail.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { TextField, type FieldProblem } from '../../account/form-errors.tsx';
import { ErrorSummary, type SummaryItem } from '../../register/error-summary.tsx';
import { formatNumber } from '../../register/formatting.ts';
import { AdminLayout } from '../admin-layout.tsx';
import type { AuditFilterValues, AuditQueryError } from './audit-query.ts';
import {
  actionLabel,
  actorText,
  AUDIT_PATH,
  DateTime,
  SummaryRow,
  type EntryProps,
  SubjectLinks,
  type HolderNames,
} from './entry-parts.tsx';
import { FilterForm } from './filter-form.tsx';
import { Pager } from './pager.tsx';
import { VerificationReport } from './verification-report.tsx';

export interface AuditPageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly values: AuditFilterValues;
  readonly errors: readonly AuditQueryError[];
  /** The chain's state and the list; the list is not shown while the filters are wrong. */
  readonly overview: AuditOverview;
  /** The outcome of "verify now", on the page that answers it. */
  readonly verification?: AuditVerification;
  /** The recorded head typed into the verify form, and what is wrong with it. */
  readonly expected?: string;
  readonly expectedProblem?: FieldProblem;
}

function ChainState({
  ctx,
  overview,
}: {
  readonly ctx: PageContext;
  readonly overview: AuditOverview;
}) {
  const { t } = ctx;
  const { head, entries, lastAt } = overview.state;
  return (
    <section aria-labelledby="chain-heading">
      <h2 id="chain-heading">{t('admin-audit:chain.heading')}</h2>
      <dl class="summary-list">
        <SummaryRow label={t('admin-audit:chain.entries')}>
          {formatNumber(ctx.lang, entries)}
        </SummaryRow>
        <SummaryRow label={t('admin-audit:chain.head')}>
          {head === null ? (
            t('admin-audit:chain.noHead')
          ) : (
            <>
              {t('admin-audit:chain.headValue', { seq: head.seq })}{' '}
              <code class="mono" id="head-hash">
                {formatHead(head)}
              </code>
            </>
          )}
        </SummaryRow>
        <SummaryRow label={t('admin-audit:chain.lastAt')}>
          {lastAt === null ? t('admin-audit:chain.empty') : <DateTime ctx={ctx} iso={lastAt} />}
        </SummaryRow>
      </dl>
      <p class="hint">{t('admin-audit:chain.headHint')}</p>
    </section>
  );
}

function VerifyForm({
  ctx,
  csrf,
  expected,
  problem,
}: {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly expected: string;
  readonly problem: FieldProblem | undefined;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('admin-audit:verify.heading')}</h2>
      <p>{t('admin-audit:verify.intro')}</p>
      <form method="post" action={localPath(ctx, AUDIT_PATH)} novalidate>
        <CsrfField token={csrf} />
        <TextField
          ctx={ctx}
          id="expected"
          label={t('admin-audit:verify.expectedLabel')}
          hint={t('admin-audit:verify.expectedHint')}
          value={expected}
          autocomplete="off"
          maxLength={80}
          problem={problem}
        />
        <button type="submit" class="button">
          {t('admin-audit:verify.submit')}
        </button>
      </form>
    </section>
  );
}

function EntryRow({ ctx, entry, names }: EntryProps) {
  return (
    <tr>
      <th scope="row">{formatNumber(ctx.lang, entry.seq)}</th>
      <td>
        <DateTime ctx={ctx} iso={entry.at} />
      </td>
      <td>{actorText(ctx, entry)}</td>
      <td>
        <strong>{actionLabel(ctx, entry.action)}</strong>
        <SubjectLinks ctx={ctx} entry={entry} names={names} />
      </td>
      <td>{entry.reason ?? ctx.t('admin-audit:list.noReason')}</td>
    </tr>
  );
}

/** The list of entries matching the filters, newest first. */
export function EntryTable({
  ctx,
  entries,
  names,
}: {
  readonly ctx: PageContext;
  readonly entries: readonly AuditEntry[];
  readonly names: HolderNames;
}) {
  const { t } = ctx;
  if (entries.length === 0) return <p id="entries">{t('admin-audit:list.none')}</p>;
  return (
    <div class="table-wrap">
      <table id="entries">
        <caption>{t('admin-audit:list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin-audit:list.colSeq')}</th>
            <th scope="col">{t('admin-audit:list.colAt')}</th>
            <th scope="col">{t('admin-audit:list.colWho')}</th>
            <th scope="col">{t('admin-audit:list.colWhat')}</th>
            <th scope="col">{t('admin-audit:list.colWhy')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <EntryRow key={entry.seq} ctx={ctx} entry={entry} names={names} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function summaryItems(
  ctx: PageContext,
  errors: readonly AuditQueryError[],
  expected: FieldProblem | undefined,
): SummaryItem[] {
  const items = errors.map((e) => ({
    href: e.field === 'cursor' ? localPath(ctx, AUDIT_PATH) : `#${e.field}`,
    text: ctx.t(`admin-audit:errors.${e.message}`),
  }));
  return expected === undefined
    ? items
    : [...items, { href: `#${expected.field}`, text: expected.message }];
}

/** `/{lang}/admin/audit`: the chain's state, "verify now", and the entries with filters. */
export function AuditPage(props: AuditPageProps) {
  const { ctx, staff, values, errors, overview, verification, expectedProblem } = props;
  const { t } = ctx;
  const title = t('admin-audit:title');
  const items = summaryItems(ctx, errors, expectedProblem);
  return (
    <AdminLayout
      ctx={ctx}
      staff={staff}
      title={items.length > 0 ? t('admin-audit:errors.titlePrefix', { title }) : title}
    >
      <ErrorSummary ctx={ctx} items={items} />
      <h1>{title}</h1>
      <p class="lead">{t('admin-audit:lead')}</p>
      {verification !== undefined && <VerificationReport ctx={ctx} result={verification} />}
      <ChainState ctx={ctx} overview={overview} />
      <VerifyForm
        ctx={ctx}
        csrf={props.csrf}
        expected={props.expected ?? ''}
        problem={expectedProblem}
      />
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('admin-audit:filters.heading')}</h2>
        <FilterForm ctx={ctx} values={values} errors={errors} actions={overview.actions} />
        {errors.length === 0 && (
          <>
            <EntryTable ctx={ctx} entries={overview.page.entries} names={overview.holderNames} />
            <Pager ctx={ctx} path={AUDIT_PATH} values={values} page={overview.page} />
          </>
        )}
      </section>
    </AdminLayout>
  );
}
