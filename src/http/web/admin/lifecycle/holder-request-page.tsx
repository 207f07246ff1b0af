import { REASON_MAX } from '../../../../app/lifecycle/input.ts';
import type { HolderRequestOverview } from '../../../../app/lifecycle/queries.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { startOfDay } from '../../../../domain/register/lifecycle-rules.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { formatDate } from '../../register/formatting.ts';
import { pageTitle, ProblemSummary, TextArea } from './form-fields.tsx';
import {
  RenameForm,
  TransferForm,
  WithdrawForm,
  type FormState,
  type OperationProps,
} from './operation-forms.tsx';
import { HolderRequestSummary, RequestDetails } from './request-details.tsx';

export interface HolderRequestPageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly overview: HolderRequestOverview;
  readonly state?: FormState | undefined;
}

/** The operation the request asks for, filled in with what the holder asked. */
function Operation({ props }: { readonly props: HolderRequestPageProps }) {
  const { ctx, csrf, overview, state } = props;
  const { request, record } = overview;
  if (record === undefined) return <p>{ctx.t('admin-lifecycle:holderRequest.noCode')}</p>;
  const common: OperationProps = {
    ctx,
    csrf,
    codeKey: record.key,
    state,
    holderRequestId: request.id,
  };
  if (request.kind === 'termination') {
    const earliest =
      overview.noticeEnds === undefined
        ? undefined
        : formatDate(ctx.lang, startOfDay(overview.noticeEnds));
    return (
      <WithdrawForm
        {...common}
        earliest={earliest}
        defaults={{ effectiveDate: overview.proposedDay ?? '', publicReason: 'holder_termination' }}
      />
    );
  }
  if (request.kind === 'change_details') {
    const p = request.payload;
    return (
      <RenameForm
        {...common}
        defaults={{
          legalName: p.legalName,
          tradingName: p.tradingName ?? '',
          website: p.website ?? '',
          seatCountry: p.seatCountry ?? '',
          publicReason: 'holder_request',
        }}
      />
    );
  }
  const p = request.payload;
  return (
    <TransferForm
      {...common}
      defaults={{
        target: p.toCode === null ? 'new' : 'existing',
        toCode: p.toCode ?? '',
        legalName: p.toCode === null ? p.toName : '',
        publicReason: p.publicReason,
      }}
    />
  );
}

function Decline({ props }: { readonly props: HolderRequestPageProps }) {
  const { ctx, overview, state } = props;
  const mine = state?.op === 'decline' ? state : undefined;
  return (
    <section aria-labelledby="decline-heading">
      <h2 id="decline-heading" tabIndex={-1}>
        {ctx.t('admin-lifecycle:holderRequest.declineHeading')}
      </h2>
      <form
        method="post"
        action={localPath(ctx, `/admin/requests/holder/${overview.request.id}/decline`)}
        class="apply-form"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <TextArea
          ctx={ctx}
          id="decline-note"
          name="note"
          label={ctx.t('admin-lifecycle:holderRequest.declineNote')}
          hint={ctx.t('admin-lifecycle:holderRequest.declineHint')}
          value={mine?.values.note ?? ''}
          maxLength={REASON_MAX}
          problems={mine?.problems ?? []}
        />
        <button type="submit" class="button button--warning">
          {ctx.t('admin-lifecycle:holderRequest.decline')}
        </button>
      </form>
    </section>
  );
}

/** `/{lang}/admin/requests/holder/{id}`: what a holder asked, and turning it into the operation. */
export function HolderRequestPage(props: HolderRequestPageProps) {
  const { ctx, staff, overview, state } = props;
  const { t } = ctx;
  const { request, holder, operation } = overview;
  const problems = state?.problems ?? [];
  const title = t('admin-lifecycle:holderRequest.title', { reference: request.reference });
  return (
    <AdminLayout ctx={ctx} staff={staff} title={pageTitle(ctx, title, problems)}>
      <ProblemSummary ctx={ctx} problems={problems} />
      <p class="back-link">
        <a href={localPath(ctx, '/admin/requests')}>{t('admin-lifecycle:holderRequest.back')}</a>
      </p>
      <h1>{title}</h1>
      {holder !== undefined && (
        <p class="lead">{t('admin-lifecycle:holderRequest.from', { holder: holder.legalName })}</p>
      )}
      <HolderRequestSummary ctx={ctx} request={request} />
      {operation !== null && (
        <section aria-labelledby="operation-heading">
          <h2 id="operation-heading">{t('admin-lifecycle:holderRequest.operationHeading')}</h2>
          <RequestDetails ctx={ctx} request={operation} />
        </section>
      )}
      {request.status === 'open' && staff.role === 'admin' && (
        <>
          <Operation props={props} />
          <Decline props={props} />
        </>
      )}
      {request.status === 'open' && staff.role !== 'admin' && (
        <p>{t('admin-lifecycle:code.adminsOnly')}</p>
      )}
    </AdminLayout>
  );
}
