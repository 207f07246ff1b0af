import type { CodeOverview } from '../../../../app/lifecycle/queries.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { AdminLayout } from '../admin-layout.tsx';
import {
  countryName,
  displayForms,
  formatDate,
  partyPath,
  roleList,
} from '../../register/formatting.ts';
import { HistoryTable } from '../../register/history-table.tsx';
import { StatusTag } from '../../register/status-tag.tsx';
import { pageTitle, ProblemSummary } from './form-fields.tsx';
import { DoneNotice } from './done-notice.tsx';
import {
  RenameForm,
  StatusForm,
  SuccessorForm,
  TransferForm,
  WithdrawForm,
  type FormState,
} from './operation-forms.tsx';
import { CodeLink, DateText, RequestDetails, Row } from './request-details.tsx';

export interface CodePageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly overview: CodeOverview;
  readonly state?: FormState | undefined;
  /** The operation just done, for the notice at the top. */
  readonly done?: string | undefined;
}

function Summary({
  ctx,
  overview,
}: {
  readonly ctx: PageContext;
  readonly overview: CodeOverview;
}) {
  const { record } = overview;
  const { t } = ctx;
  const holder = record.holder;
  return (
    <dl class="summary-list">
      <Row label={t('admin-lifecycle:code.holder')}>
        {holder.legalName}
        {holder.tradingName !== null && (
          <span class="hint">
            {t('admin-lifecycle:code.tradingAs', { name: holder.tradingName })}
          </span>
        )}
        {holder.country !== null && (
          <span class="hint">{countryName(ctx.lang, holder.country)}</span>
        )}
        {holder.website !== null && <span class="hint">{holder.website}</span>}
      </Row>
      <Row label={t('admin-lifecycle:code.roles')}>{roleList(ctx, record.roles, 'long')}</Row>
      <Row label={t('admin-lifecycle:code.status')}>
        <StatusTag ctx={ctx} status={record.status} />
      </Row>
      <Row label={t('admin-lifecycle:code.validFrom')}>
        {record.validFrom === null ? (
          t('admin-lifecycle:code.unknownDate')
        ) : (
          <DateText ctx={ctx} iso={record.validFrom} />
        )}
      </Row>
      <Row label={t('admin-lifecycle:code.validTo')}>
        {record.validTo === null ? (
          t('admin-lifecycle:code.noEndDate')
        ) : (
          <DateText ctx={ctx} iso={record.validTo} />
        )}
      </Row>
      <Row label={t('admin-lifecycle:code.successor')}>
        {record.successorKey === null ? (
          t('admin-lifecycle:code.noSuccessor')
        ) : (
          <CodeLink ctx={ctx} codeKey={record.successorKey} />
        )}
      </Row>
      <Row label={t('admin-lifecycle:code.publicPage')}>
        <a href={partyPath(ctx.lang, record)}>{t('admin-lifecycle:code.publicPageLink')}</a>
      </Row>
    </dl>
  );
}

function Operations({ props }: { readonly props: CodePageProps }) {
  const { ctx, overview, csrf, state } = props;
  const { record, openRequest } = overview;
  const common = { ctx, csrf, codeKey: record.key, state };
  if (record.status === 'withdrawn') {
    return <p>{ctx.t('admin-lifecycle:code.withdrawnNoOperations')}</p>;
  }
  const holder = record.holder;
  const details = {
    legalName: holder.legalName,
    tradingName: holder.tradingName ?? '',
    seatCountry: holder.country ?? '',
    website: holder.website ?? '',
  };
  return (
    <>
      {record.status === 'active' && <StatusForm {...common} op="suspend" />}
      {record.status === 'suspended' && <StatusForm {...common} op="reinstate" />}
      {openRequest === undefined ? (
        <>
          <WithdrawForm {...common} />
          <TransferForm {...common} />
        </>
      ) : (
        <p>{ctx.t('admin-lifecycle:code.openRequestBlocks')}</p>
      )}
      <RenameForm {...common} defaults={details} />
      <SuccessorForm {...common} />
    </>
  );
}

function Requests({
  ctx,
  overview,
}: {
  readonly ctx: PageContext;
  readonly overview: CodeOverview;
}) {
  const { t } = ctx;
  if (overview.requests.length === 0) return <p>{t('admin-lifecycle:code.noRequests')}</p>;
  return (
    <div class="table-wrap">
      <table class="results">
        <caption>{t('admin-lifecycle:code.requestsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin-lifecycle:code.colProposed')}</th>
            <th scope="col">{t('admin-lifecycle:code.colOperation')}</th>
            <th scope="col">{t('admin-lifecycle:code.colStatus')}</th>
            <th scope="col">{t('admin-lifecycle:code.colBy')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.requests.map((r) => (
            <tr key={r.id}>
              <td>
                <DateText ctx={ctx} iso={r.createdAt} />
              </td>
              <td>{t(`admin-lifecycle:kinds.${r.kind}`)}</td>
              <td>
                {t(`admin-lifecycle:requestStatuses.${r.status}`)}
                {r.decisionNote !== null && <span class="hint">{r.decisionNote}</span>}
              </td>
              <td>
                {r.requestedByLabel ?? r.requestedBy}
                {r.decidedByLabel !== null && <span class="hint">{r.decidedByLabel}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/{lang}/admin/codes/{key}`: one code, what can be done to it, and what was done. */
export function CodePage(props: CodePageProps) {
  const { ctx, staff, overview, state, done } = props;
  const { t } = ctx;
  const { record } = overview;
  const problems = state?.problems ?? [];
  const title = t('admin-lifecycle:code.title', { id: displayForms(record).cpo });
  return (
    <AdminLayout ctx={ctx} staff={staff} title={pageTitle(ctx, title, problems)}>
      <ProblemSummary ctx={ctx} problems={problems} />
      <p class="back-link">
        <a href={localPath(ctx, '/admin/codes')}>{t('admin-lifecycle:code.back')}</a>
      </p>
      <h1>{title}</h1>
      <DoneNotice ctx={ctx} done={done} />
      <Summary ctx={ctx} overview={overview} />
      {overview.openRequest !== undefined && (
        <section aria-labelledby="open-request-heading">
          <h2 id="open-request-heading">{t('admin-lifecycle:code.openRequestHeading')}</h2>
          <RequestDetails ctx={ctx} request={overview.openRequest} />
          <p>
            <a href={localPath(ctx, '/admin/requests')}>{t('admin-lifecycle:code.toQueue')}</a>
          </p>
        </section>
      )}
      {overview.holderRequests.length > 0 && (
        <section aria-labelledby="holder-requests-heading">
          <h2 id="holder-requests-heading">{t('admin-lifecycle:code.holderRequestsHeading')}</h2>
          <ul>
            {overview.holderRequests.map((h) => (
              <li key={h.id}>
                <a href={localPath(ctx, `/admin/requests/holder/${h.id}`)}>
                  {t('admin-lifecycle:code.holderRequestLink', {
                    reference: h.reference,
                    kind: t(`admin-lifecycle:holderKinds.${h.kind}`),
                    date: formatDate(ctx.lang, h.createdAt),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {staff.role === 'admin' ? (
        <Operations props={props} />
      ) : (
        <p>{t('admin-lifecycle:code.adminsOnly')}</p>
      )}
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('admin-lifecycle:code.requestsHeading')}</h2>
        <Requests ctx={ctx} overview={overview} />
      </section>
      <HistoryTable ctx={ctx} history={overview.history} />
    </AdminLayout>
  );
}
