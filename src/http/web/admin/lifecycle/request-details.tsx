import type { ComponentChildren } from 'preact';
import type { HolderRequest, LifecycleRequest } from '../../../../app/lifecycle/ports.ts';
import { startOfDay } from '../../../../domain/register/lifecycle-rules.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { countryName, displayForms, formatDate } from '../../register/formatting.ts';

export function Row({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ComponentChildren;
}) {
  return (
    <div class="summary-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function DateText({ ctx, iso }: { readonly ctx: PageContext; readonly iso: string }) {
  return <time dateTime={iso}>{formatDate(ctx.lang, iso)}</time>;
}

/** `BE*ABC`, linked to its back-office page. */
export function CodeLink({
  ctx,
  codeKey,
}: {
  readonly ctx: PageContext;
  readonly codeKey: string;
}) {
  const forms = displayForms({ country: codeKey.slice(0, 2), code: codeKey.slice(2) });
  return (
    <a href={localPath(ctx, `/admin/codes/${codeKey}`)} class="mono">
      {forms.cpo}
    </a>
  );
}

/** Who receives a transferred code, in words. */
export function TransferTargetText({
  ctx,
  request,
}: {
  readonly ctx: PageContext;
  readonly request: Extract<LifecycleRequest, { kind: 'transfer' }>;
}) {
  const to = request.payload.to;
  if (to.kind === 'existing') {
    return <>{ctx.t('admin-lifecycle:request.toExisting', { name: to.legalName })}</>;
  }
  const country = to.seatCountry === null ? '' : countryName(ctx.lang, to.seatCountry);
  return (
    <>
      {ctx.t('admin-lifecycle:request.toNew', { name: to.legalName })}
      {to.tradingName !== null && <span class="hint">{to.tradingName}</span>}
      {country !== '' && <span class="hint">{country}</span>}
      {to.website !== null && <span class="hint">{to.website}</span>}
    </>
  );
}

/** A withdrawal or transfer waiting for (or past) its approval, in words. */
export function RequestDetails({
  ctx,
  request,
}: {
  readonly ctx: PageContext;
  readonly request: LifecycleRequest;
}) {
  const { t } = ctx;
  return (
    <dl class="summary-list">
      <Row label={t('admin-lifecycle:request.code')}>
        <CodeLink ctx={ctx} codeKey={request.codeKey} />
      </Row>
      <Row label={t('admin-lifecycle:request.operation')}>
        {t(`admin-lifecycle:kinds.${request.kind}`)}
      </Row>
      {request.kind === 'withdraw' && (
        <Row label={t('admin-lifecycle:request.effective')}>
          <DateText ctx={ctx} iso={startOfDay(request.payload.effectiveDay)} />
        </Row>
      )}
      {request.kind === 'transfer' && (
        <Row label={t('admin-lifecycle:request.to')}>
          <TransferTargetText ctx={ctx} request={request} />
        </Row>
      )}
      <Row label={t('admin-lifecycle:request.publicReason')}>
        {t(`register:publicReasons.${request.payload.publicReason}`)}
      </Row>
      <Row label={t('admin-lifecycle:request.reason')}>{request.reason}</Row>
      <Row label={t('admin-lifecycle:request.proposedBy')}>
        {t('admin-lifecycle:request.byOn', {
          who: request.requestedByLabel ?? request.requestedBy,
          date: formatDate(ctx.lang, request.createdAt),
        })}
      </Row>
      <Row label={t('admin-lifecycle:request.status')}>
        {t(`admin-lifecycle:requestStatuses.${request.status}`)}
      </Row>
      {request.decidedAt !== null && (
        <Row label={t('admin-lifecycle:request.decidedBy')}>
          {t('admin-lifecycle:request.byOn', {
            who: request.decidedByLabel ?? request.decidedBy ?? '',
            date: formatDate(ctx.lang, request.decidedAt),
          })}
          {request.decisionNote !== null && <span class="hint">{request.decisionNote}</span>}
        </Row>
      )}
      {request.holderRequestId !== null && (
        <Row label={t('admin-lifecycle:request.fromHolder')}>
          <a href={localPath(ctx, `/admin/requests/holder/${request.holderRequestId}`)}>
            {t('admin-lifecycle:request.fromHolderLink')}
          </a>
        </Row>
      )}
    </dl>
  );
}

/** What a holder asked for, in words. */
export function HolderRequestSummary({
  ctx,
  request,
}: {
  readonly ctx: PageContext;
  readonly request: HolderRequest;
}) {
  const { t } = ctx;
  const none = t('admin-lifecycle:holderRequest.none');
  return (
    <dl class="summary-list">
      <Row label={t('admin-lifecycle:holderRequest.reference')}>{request.reference}</Row>
      <Row label={t('admin-lifecycle:holderRequest.kind')}>
        {t(`admin-lifecycle:holderKinds.${request.kind}`)}
      </Row>
      {request.codeKey !== null && (
        <Row label={t('admin-lifecycle:holderRequest.code')}>
          <CodeLink ctx={ctx} codeKey={request.codeKey} />
        </Row>
      )}
      <Row label={t('admin-lifecycle:holderRequest.received')}>
        {t('admin-lifecycle:request.byOn', {
          who: request.createdByEmail ?? request.createdBy,
          date: formatDate(ctx.lang, request.createdAt),
        })}
      </Row>
      {request.kind === 'termination' && (
        <Row label={t('admin-lifecycle:holderRequest.wantedDate')}>
          <DateText ctx={ctx} iso={startOfDay(request.payload.effectiveDay)} />
        </Row>
      )}
      {request.kind === 'change_details' && (
        <>
          <Row label={t('admin-lifecycle:fields.legalName')}>{request.payload.legalName}</Row>
          <Row label={t('admin-lifecycle:fields.tradingName')}>
            {request.payload.tradingName ?? none}
          </Row>
          <Row label={t('admin-lifecycle:fields.website')}>{request.payload.website ?? none}</Row>
          <Row label={t('admin-lifecycle:fields.seatCountry')}>
            {request.payload.seatCountry === null
              ? none
              : countryName(ctx.lang, request.payload.seatCountry)}
          </Row>
        </>
      )}
      {request.kind === 'transfer' && (
        <>
          <Row label={t('admin-lifecycle:holderRequest.toName')}>{request.payload.toName}</Row>
          <Row label={t('admin-lifecycle:holderRequest.toCode')}>
            {request.payload.toCode ?? none}
          </Row>
          <Row label={t('admin-lifecycle:request.publicReason')}>
            {t(`register:publicReasons.${request.payload.publicReason}`)}
          </Row>
        </>
      )}
      <Row label={t('admin-lifecycle:holderRequest.message')}>{request.message ?? none}</Row>
      <Row label={t('admin-lifecycle:holderRequest.status')}>
        {t(`admin-lifecycle:holderStatuses.${request.status}`)}
        {request.outcomeNote !== null && <span class="hint">{request.outcomeNote}</span>}
      </Row>
    </dl>
  );
}
