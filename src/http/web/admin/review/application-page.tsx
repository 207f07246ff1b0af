import type { ComponentChildren } from 'preact';
import type { ApplicationDossier } from '../../../../app/review/application-dossier.ts';
import type { AutomaticChecks } from '../../../../app/review/automatic-checks.ts';
import type { HolderSummary } from '../../../../app/review/ports.ts';
import type { SubmittedValues } from '../../../../app/applications/submitted-values.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { displayKey } from '../../../../domain/register/party-key.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import {
  countryName,
  formatDate,
  formatNumber,
  partyPathOfKey,
} from '../../register/formatting.ts';
import { StatusTag } from '../../register/status-tag.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { ClockText, deadlineText, formatDateTime, languageName, Paragraphs } from './parts.tsx';

/** Results announced after a decision (`?done=`). */
export const DONE = ['taken', 'approved', 'rejected', 'info_requested'] as const;
export type Done = (typeof DONE)[number];

interface Props {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly dossier: ApplicationDossier;
  readonly done?: Done;
}

function Row({
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

function Overview({ ctx, dossier }: Pick<Props, 'ctx' | 'dossier'>) {
  const { t } = ctx;
  const { record } = dossier;
  const who = (id: string | null) => (id === null ? null : (dossier.actors[id] ?? id));
  const reasonKey = {
    info_requested: 'admin-review:application.question',
    rejected: 'admin-review:application.reason',
    approved: 'admin-review:application.note',
  }[record.status as string];
  return (
    <dl class="summary-list">
      <Row label={t('admin-review:application.status')}>
        <strong class="tag">{t(`applications:status.${record.status}`)}</strong>
      </Row>
      <Row label={t('admin-review:application.organisation')}>
        {record.submitted?.company.legalName ?? '–'}
      </Row>
      <Row label={t('admin-review:application.codes')}>
        {dossier.codes.map((c) => (
          <span class="mono review-code" key={c}>
            {c}{' '}
          </span>
        ))}
      </Row>
      <Row label={t('admin-review:application.submittedAt')}>
        {record.submittedAt === null ? '–' : formatDateTime(ctx.lang, record.submittedAt)}
      </Row>
      <Row label={t('admin-review:application.deadline')}>{deadlineText(ctx, dossier.clock)}</Row>
      <Row label={t('admin-review:application.clock')}>
        <ClockText ctx={ctx} clock={dossier.clock} />
      </Row>
      <Row label={t('admin-review:application.assignedTo')}>
        {who(record.assignedTo) ?? t('admin-review:application.notAssigned')}
      </Row>
      {record.decidedAt !== null && (
        <Row label={t('admin-review:application.decided')}>
          {t('admin-review:application.decidedBy', {
            date: formatDateTime(ctx.lang, record.decidedAt),
            email: who(record.decidedBy) ?? '–',
          })}
        </Row>
      )}
      {record.decisionReason !== null && reasonKey !== undefined && (
        <Row label={t(reasonKey)}>
          <Paragraphs text={record.decisionReason} />
        </Row>
      )}
      <Row label={t('admin-review:application.applicant')}>
        {t('admin-review:application.applicantLine', {
          email: dossier.applicantEmail,
          language: languageName(ctx.lang, record.lang),
        })}
      </Row>
    </dl>
  );
}

function Decision({ ctx, csrf, dossier }: Pick<Props, 'ctx' | 'csrf' | 'dossier'>) {
  const { t } = ctx;
  const base = `/admin/applications/${dossier.record.id}`;
  if (!dossier.decidable) {
    const key =
      dossier.record.status === 'info_requested'
        ? 'admin-review:application.waiting'
        : 'admin-review:application.closed';
    return (
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t('admin-review:application.decisionHeading')}</h2>
        <p>{t(key)}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('admin-review:application.decisionHeading')}</h2>
      {dossier.takeable && (
        <form method="post" action={localPath(ctx, `${base}/take`)}>
          <CsrfField token={csrf} />
          <p class="hint">{t('admin-review:application.takeHint')}</p>
          <button type="submit" class="button">
            {t('admin-review:application.take')}
          </button>
        </form>
      )}
      <ul class="review-decisions">
        <li>
          <a href={localPath(ctx, `${base}/approve`)}>
            {t('admin-review:application.approveLink')}
          </a>
        </li>
        <li>
          <a href={localPath(ctx, `${base}/request-info`)}>
            {t('admin-review:application.requestInfoLink')}
          </a>
        </li>
        <li>
          <a href={localPath(ctx, `${base}/reject`)}>{t('admin-review:application.rejectLink')}</a>
        </li>
      </ul>
    </section>
  );
}

/** A check's outcome as a word in a tag: the colour only repeats it. */
function Verdict({ ctx, ok }: { readonly ctx: PageContext; readonly ok: boolean }) {
  return ok ? (
    <strong class="tag tag--valid">{ctx.t('admin-review:checks.ok')}</strong>
  ) : (
    <strong class="tag tag--invalid">{ctx.t('admin-review:checks.warning')}</strong>
  );
}

function HolderLine({
  ctx,
  holder,
}: {
  readonly ctx: PageContext;
  readonly holder: HolderSummary;
}) {
  const { t } = ctx;
  return (
    <>
      <strong>{holder.legalName}</strong>
      {holder.tradingName !== null && ` (${holder.tradingName})`}
      {': '}
      {holder.codes.length === 0
        ? t('admin-review:checks.noCodes')
        : holder.codes.map((c, i) => (
            <span key={c.key}>
              {i > 0 && ', '}
              <a href={partyPathOfKey(ctx.lang, c.key)}>{displayKey(c.key)}</a>{' '}
              <StatusTag ctx={ctx} status={c.status} />
            </span>
          ))}
    </>
  );
}

function Checks({ ctx, checks }: { readonly ctx: PageContext; readonly checks: AutomaticChecks }) {
  const { t } = ctx;
  const legal = checks.legalEntityNumber;
  const scheme = t(`admin-review:checks.schemes.${legal.result.scheme}`);
  const abroadOthers = checks.heldAbroad.filter((h) => !h.sameName);
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">{t('admin-review:checks.heading')}</h2>
      <p class="hint">{t('admin-review:checks.lead')}</p>
      <dl class="summary-list review-checks">
        <Row label={t('admin-review:checks.legalEntity')}>
          <Verdict ctx={ctx} ok={legal.result.ok} />{' '}
          {legal.result.ok
            ? t('admin-review:checks.legalEntityValid', {
                value: legal.result.display,
                scheme,
              })
            : t(`admin-review:checks.legalEntityInvalid.${legal.result.reason}`, {
                value: legal.value,
                scheme,
              })}
        </Row>
        <Row label={t('admin-review:checks.vat')}>
          {checks.vatNumber === null ? (
            t('admin-review:checks.vatNone')
          ) : (
            <>
              <Verdict ctx={ctx} ok={checks.vatNumber.valid} />{' '}
              {t(
                checks.vatNumber.valid
                  ? 'admin-review:checks.vatValid'
                  : 'admin-review:checks.vatInvalid',
                {
                  value: checks.vatNumber.value,
                },
              )}
            </>
          )}
        </Row>
        <Row label={t('admin-review:checks.availability')}>
          <ul class="availability-list">
            {checks.availability.map((a) => (
              <li key={a.key}>
                <Verdict ctx={ctx} ok={a.availability === 'free'} />{' '}
                {t(`admin-review:checks.availabilityOf.${a.availability}`, {
                  id: displayKey(a.key),
                })}
              </li>
            ))}
          </ul>
        </Row>
        <Row label={t('admin-review:checks.abroad')}>
          {checks.heldAbroad.length === 0 ? (
            <>
              <Verdict ctx={ctx} ok /> {t('admin-review:checks.abroadNone')}
            </>
          ) : (
            <>
              <Verdict ctx={ctx} ok={abroadOthers.length === 0} />
              <ul class="availability-list">
                {checks.heldAbroad.map((h) => (
                  <li key={`${h.registry}-${h.country}-${h.role}`}>
                    {t('admin-review:checks.abroadItem', {
                      country: countryName(ctx.lang, h.country),
                      organisation: h.organisationName ?? t('admin-review:checks.unnamed'),
                      role: h.role,
                      status: h.status,
                      registry: h.registry,
                      date: formatDate(ctx.lang, h.retrievedAt),
                    })}{' '}
                    {t(
                      h.sameName
                        ? 'admin-review:checks.abroadSame'
                        : 'admin-review:checks.abroadOther',
                    )}
                    {h.source !== null && /^https?:\/\//i.test(h.source) && (
                      <>
                        {' '}
                        <a href={h.source} rel="noopener noreferrer">
                          {t('admin-review:checks.source')}
                          <span class="visually-hidden"> {h.registry}</span>
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Row>
        <Row label={t('admin-review:checks.sameIdentifier')}>
          {checks.sameIdentifier.length === 0 ? (
            <>
              <Verdict ctx={ctx} ok /> {t('admin-review:checks.sameIdentifierNone')}
            </>
          ) : (
            <>
              <Verdict ctx={ctx} ok={false} /> {t('admin-review:checks.sameIdentifierLead')}
              <ul>
                {checks.sameIdentifier.map((m) => (
                  <li key={`${m.holder.id}-${m.identifier.scheme}`}>
                    {t('admin-review:checks.sameIdentifierItem', {
                      scheme: t(`admin-review:checks.identifierSchemes.${m.identifier.scheme}`, {
                        defaultValue: m.identifier.scheme,
                      }),
                      value: m.identifier.value,
                    })}{' '}
                    <HolderLine ctx={ctx} holder={m.holder} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Row>
        <Row label={t('admin-review:checks.similar')}>
          {checks.similarNames.length === 0 ? (
            <>
              <Verdict ctx={ctx} ok /> {t('admin-review:checks.similarNone')}
            </>
          ) : (
            <>
              <Verdict ctx={ctx} ok={false} /> {t('admin-review:checks.similarLead')}
              <ul>
                {checks.similarNames.map((m) => (
                  <li key={m.holder.id}>
                    <HolderLine ctx={ctx} holder={m.holder} />{' '}
                    {t('admin-review:checks.similarScore', {
                      percent: formatNumber(ctx.lang, Math.round(m.score * 100)),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Row>
        <Row label={t('admin-review:checks.sameCode')}>
          {checks.sameCodeRequested.length === 0 ? (
            <>
              <Verdict ctx={ctx} ok /> {t('admin-review:checks.sameCodeNone')}
            </>
          ) : (
            <>
              <Verdict ctx={ctx} ok={false} />
              <ul>
                {checks.sameCodeRequested.map((a) => (
                  <li key={a.id}>
                    <a href={localPath(ctx, `/admin/applications/${a.id}`)}>{a.reference}</a> (
                    {t(`applications:status.${a.status}`)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </Row>
      </dl>
    </section>
  );
}

type Field = readonly [key: string, value: string | null];

function submittedSections(ctx: PageContext, values: SubmittedValues) {
  const { t } = ctx;
  const country = (c: string) => countryName(ctx.lang, c);
  const sections: readonly (readonly [string, readonly Field[]])[] = [
    [
      'request',
      [
        ['role', t(`applications:role.${values.request.role}`)],
        ['countries', values.request.countries.map(country).join(', ')],
        ['code', values.request.code],
      ],
    ],
    [
      'company',
      [
        ['legalName', values.company.legalName],
        ['legalForm', values.company.legalForm],
        ['seatCountry', country(values.company.seatCountry)],
        [
          'address',
          `${values.company.street}, ${values.company.postalCode} ${values.company.city}`,
        ],
        ['website', values.company.website],
        ['legalEntityNumber', values.company.legalEntityNumber],
        ['vatNumber', values.company.vatNumber],
      ],
    ],
    [
      'applicant',
      [
        ['name', values.applicant.name],
        ['jobTitle', values.applicant.jobTitle],
        ['email', values.applicant.email],
        ['phone', values.applicant.phone],
      ],
    ],
    [
      'invoice',
      [
        [
          'address',
          `${values.invoice.street}, ${values.invoice.postalCode} ${values.invoice.city}, ${country(values.invoice.country)}`,
        ],
        ['email', values.invoice.email],
        ['vatNumber', values.invoice.vatNumber],
        ['purchaseOrder', values.invoice.purchaseOrder],
      ],
    ],
  ];
  return sections;
}

function Submitted({ ctx, dossier }: Pick<Props, 'ctx' | 'dossier'>) {
  const { t } = ctx;
  const values = dossier.record.submitted;
  return (
    <section aria-labelledby="submitted-heading">
      <h2 id="submitted-heading">{t('admin-review:submitted.heading')}</h2>
      {dossier.record.status === 'info_requested' && (
        <p class="hint">{t('admin-review:submitted.editing')}</p>
      )}
      {values === null ? (
        <p>{t('admin-review:submitted.none')}</p>
      ) : (
        submittedSections(ctx, values).map(([step, fields]) => (
          <section key={step} aria-labelledby={`submitted-${step}`}>
            <h3 id={`submitted-${step}`}>{t(`applications:step.${step}`)}</h3>
            <dl class="summary-list">
              {fields.map(([name, value]) => (
                <Row key={name} label={t(`admin-review:submitted.${step}.${name}`)}>
                  {value === null || value === '' ? (
                    <span class="hint">{t('admin-review:submitted.notGiven')}</span>
                  ) : (
                    value
                  )}
                </Row>
              ))}
            </dl>
          </section>
        ))
      )}
      <h3 id="file-heading">{t('admin-review:submitted.fileHeading')}</h3>
      {dossier.files.length === 0 ? (
        <p>{t('admin-review:submitted.noFile')}</p>
      ) : (
        <ul>
          {dossier.files.map((f) => (
            <li key={f.id}>
              <a
                href={localPath(ctx, `/admin/applications/${dossier.record.id}/files/${f.id}`)}
                download={f.filename}
              >
                {t('admin-review:submitted.fileLink', {
                  name: f.filename,
                  size: formatNumber(ctx.lang, Math.max(1, Math.round(f.size / 1024))),
                })}
              </a>{' '}
              <span class="hint">
                {t('admin-review:submitted.fileAdded', {
                  date: formatDateTime(ctx.lang, f.createdAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ ctx, dossier }: Pick<Props, 'ctx' | 'dossier'>) {
  const { t } = ctx;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('admin-review:history.heading')}</h2>
      <div class="table-wrap">
        <table class="results">
          <caption class="visually-hidden">{t('admin-review:history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin-review:history.colWhen')}</th>
              <th scope="col">{t('admin-review:history.colWhat')}</th>
              <th scope="col">{t('admin-review:history.colWho')}</th>
              <th scope="col">{t('admin-review:history.colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.history.map((e, i) => (
              <tr key={i}>
                <td>{formatDateTime(ctx.lang, e.at)}</td>
                <td>{t(`admin-review:history.events.${e.type}`)}</td>
                <td>
                  {e.actor === null
                    ? t('admin-review:history.service')
                    : (dossier.actors[e.actor] ?? t('admin-review:history.unknown'))}
                </td>
                <td>{e.note === null ? '' : <Paragraphs text={e.note} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** `/{lang}/admin/applications/{id}`: one application, its checks, and the decisions. */
export function ApplicationPage({ ctx, staff, csrf, dossier, done }: Props) {
  const { t } = ctx;
  const title = t('admin-review:application.title', { reference: dossier.record.reference });
  return (
    <AdminLayout ctx={ctx} staff={staff} title={title}>
      <p class="back-link">
        <a href={localPath(ctx, '/admin')}>{t('admin-review:application.back')}</a>
      </p>
      {done !== undefined && (
        <div class="notice" role="status">
          <p>
            {t(`admin-review:done.${done}`, {
              codes: dossier.codes.join(', '),
              reference: dossier.record.reference,
            })}
          </p>
        </div>
      )}
      <h1>{title}</h1>
      <Overview ctx={ctx} dossier={dossier} />
      <Decision ctx={ctx} csrf={csrf} dossier={dossier} />
      {dossier.checks !== null && <Checks ctx={ctx} checks={dossier.checks} />}
      <Submitted ctx={ctx} dossier={dossier} />
      <History ctx={ctx} dossier={dossier} />
    </AdminLayout>
  );
}
