import type { ComponentChildren } from 'preact';
import { REASON_MAX } from '../../../../app/lifecycle/input.ts';
import type { LifecycleRequest } from '../../../../app/lifecycle/ports.ts';
import type { RequestQueue } from '../../../../app/lifecycle/queries.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { REASONS_BY_OPERATION } from '../../../../domain/register/lifecycle-rules.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { displayForms } from '../../register/formatting.ts';
import { pageTitle, ProblemSummary, Select, TextArea } from './form-fields.tsx';
import { DoneNotice } from './done-notice.tsx';
import type { FormState } from './operation-forms.tsx';
import { CodeLink, DateText, RequestDetails } from './request-details.tsx';

export interface RequestsPageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly queue: RequestQueue;
  /** The form sent last (`approve-<id>`, `reject-<id>`, `cancel-<id>`) with its problems. */
  readonly state?: FormState | undefined;
  readonly done?: string | undefined;
}

/** A decision on one request: its own form, its note, its button. */
function DecisionForm({
  props,
  action,
  request,
  noteRequired,
  warning,
  children,
}: {
  readonly props: RequestsPageProps;
  readonly action: 'approve' | 'reject' | 'cancel';
  readonly request: LifecycleRequest;
  readonly noteRequired: boolean;
  readonly warning?: boolean;
  readonly children?: ComponentChildren;
}) {
  const { ctx, state } = props;
  const op = `${action}-${request.id}`;
  const mine = state?.op === op ? state : undefined;
  const code = displayForms({
    country: request.codeKey.slice(0, 2),
    code: request.codeKey.slice(2),
  }).cpo;
  return (
    <form
      method="post"
      action={localPath(ctx, `/admin/requests/${request.id}/${action}`)}
      class="apply-form"
      novalidate
    >
      <CsrfField token={props.csrf} />
      <h4 id={`${op}-heading`} tabIndex={-1}>
        {ctx.t(`admin-lifecycle:queue.${action}Heading`, { code })}
      </h4>
      {children}
      <TextArea
        ctx={ctx}
        id={`${op}-note`}
        name="note"
        label={ctx.t(
          noteRequired ? 'admin-lifecycle:fields.note' : 'admin-lifecycle:fields.noteOptional',
        )}
        value={mine?.values.note ?? ''}
        maxLength={REASON_MAX}
        problems={mine?.problems ?? []}
      />
      <button type="submit" class={warning === true ? 'button button--warning' : 'button'}>
        {ctx.t(`admin-lifecycle:queue.${action}`, { code })}
      </button>
    </form>
  );
}

function Pending({
  props,
  request,
}: {
  readonly props: RequestsPageProps;
  readonly request: LifecycleRequest;
}) {
  const { ctx, staff } = props;
  const own = request.requestedBy === staff.id;
  const headingId = `request-${request.id}`;
  return (
    <section class="lifecycle-request" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {ctx.t(`admin-lifecycle:queue.title.${request.kind}`, {
          code: displayForms({
            country: request.codeKey.slice(0, 2),
            code: request.codeKey.slice(2),
          }).cpo,
        })}
      </h3>
      <RequestDetails ctx={ctx} request={request} />
      {staff.role === 'admin' && own && (
        <>
          <p>{ctx.t('admin-lifecycle:queue.ownRequest')}</p>
          <DecisionForm props={props} action="cancel" request={request} noteRequired />
        </>
      )}
      {staff.role === 'admin' && !own && (
        <>
          <DecisionForm props={props} action="approve" request={request} noteRequired={false} />
          <DecisionForm props={props} action="reject" request={request} noteRequired warning />
        </>
      )}
    </section>
  );
}

function Scheduled({
  props,
  request,
}: {
  readonly props: RequestsPageProps;
  readonly request: LifecycleRequest;
}) {
  const { ctx, staff, state } = props;
  const op = `cancel-${request.id}`;
  const mine = state?.op === op ? state : undefined;
  const headingId = `request-${request.id}`;
  const options = REASONS_BY_OPERATION.cancel_withdrawal.map((r) => ({
    value: r,
    label: ctx.t(`register:publicReasons.${r}`),
  }));
  return (
    <section class="lifecycle-request" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {ctx.t('admin-lifecycle:queue.title.withdraw', {
          code: displayForms({
            country: request.codeKey.slice(0, 2),
            code: request.codeKey.slice(2),
          }).cpo,
        })}
      </h3>
      <RequestDetails ctx={ctx} request={request} />
      {staff.role === 'admin' && (
        <DecisionForm props={props} action="cancel" request={request} noteRequired warning>
          <Select
            ctx={ctx}
            id={`${op}-publicReason`}
            name="publicReason"
            label={ctx.t('admin-lifecycle:fields.publicReason')}
            hint={ctx.t('admin-lifecycle:fields.publicReasonHint')}
            value={mine?.values.publicReason ?? ''}
            options={options}
            choose={ctx.t('admin-lifecycle:fields.choose')}
            problems={mine?.problems ?? []}
          />
        </DecisionForm>
      )}
    </section>
  );
}

function HolderRequests({ props }: { readonly props: RequestsPageProps }) {
  const { ctx, queue } = props;
  const { t } = ctx;
  if (queue.holderRequests.length === 0)
    return <p>{t('admin-lifecycle:queue.noHolderRequests')}</p>;
  return (
    <div class="table-wrap">
      <table class="results">
        <caption>
          {t('admin-lifecycle:queue.holderCaption', { count: queue.holderRequests.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admin-lifecycle:queue.colReference')}</th>
            <th scope="col">{t('admin-lifecycle:queue.colKind')}</th>
            <th scope="col">{t('admin-lifecycle:queue.colCode')}</th>
            <th scope="col">{t('admin-lifecycle:queue.colReceived')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.holderRequests.map((h) => (
            <tr key={h.id}>
              <th scope="row">
                <a href={localPath(ctx, `/admin/requests/holder/${h.id}`)}>{h.reference}</a>
              </th>
              <td>{t(`admin-lifecycle:holderKinds.${h.kind}`)}</td>
              <td>
                {h.codeKey === null ? (
                  t('admin-lifecycle:holderRequest.none')
                ) : (
                  <CodeLink ctx={ctx} codeKey={h.codeKey} />
                )}
              </td>
              <td>
                <DateText ctx={ctx} iso={h.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/{lang}/admin/requests`: four-eyes approvals, scheduled withdrawals, holders' requests. */
export function RequestsPage(props: RequestsPageProps) {
  const { ctx, staff, queue, state, done } = props;
  const { t } = ctx;
  const problems = state?.problems ?? [];
  const title = t('admin-lifecycle:queue.title.page');
  return (
    <AdminLayout ctx={ctx} staff={staff} title={pageTitle(ctx, title, problems)}>
      <ProblemSummary ctx={ctx} problems={problems} />
      <h1>{title}</h1>
      <DoneNotice ctx={ctx} done={done} />
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t('admin-lifecycle:queue.pendingHeading')}</h2>
        <p>{t('admin-lifecycle:queue.pendingLead')}</p>
        {queue.pending.length === 0 ? (
          <p>{t('admin-lifecycle:queue.noPending')}</p>
        ) : (
          queue.pending.map((r) => <Pending key={r.id} props={props} request={r} />)
        )}
      </section>
      <section aria-labelledby="scheduled-heading">
        <h2 id="scheduled-heading">{t('admin-lifecycle:queue.scheduledHeading')}</h2>
        {queue.scheduled.length === 0 ? (
          <p>{t('admin-lifecycle:queue.noScheduled')}</p>
        ) : (
          queue.scheduled.map((r) => <Scheduled key={r.id} props={props} request={r} />)
        )}
      </section>
      <section aria-labelledby="holder-heading">
        <h2 id="holder-heading">{t('admin-lifecycle:queue.holderHeading')}</h2>
        <HolderRequests props={props} />
      </section>
    </AdminLayout>
  );
}
