import type { ApplicationDossier } from '../../../../app/review/application-dossier.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { displayKey } from '../../../../domain/register/party-key.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { ErrorMessage, ErrorSummary, titleOf } from '../../apply/parts.tsx';
import { problemFor, type Problem } from '../../apply/problems.ts';
import { AdminLayout } from '../admin-layout.tsx';
import { languageName } from './parts.tsx';

/** The three decisions, each a page of its own with a form. */
export const DECISIONS = {
  approve: { path: 'approve', field: 'note', required: false },
  reject: { path: 'reject', field: 'reason', required: true },
  requestInfo: { path: 'request-info', field: 'question', required: true },
} as const;
export type DecisionKind = keyof typeof DECISIONS;

export interface DecisionPageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly kind: DecisionKind;
  readonly dossier: ApplicationDossier;
  /** The text typed, when the form comes back. */
  readonly text: string;
  readonly problems: readonly Problem[];
}

function ApproveFacts({ ctx, dossier }: Pick<DecisionPageProps, 'ctx' | 'dossier'>) {
  const { t } = ctx;
  const values = dossier.record.submitted;
  if (values === null) return null;
  const blocked = (dossier.checks?.availability ?? []).filter((a) => a.availability !== 'free');
  return (
    <>
      <p>{t('admin-review:approve.lead')}</p>
      <ul>
        {dossier.codes.map((c) => (
          <li key={c} class="mono">
            {c}
          </li>
        ))}
      </ul>
      <p>
        {dossier.holderId === null
          ? t('admin-review:approve.newHolder', { name: values.company.legalName })
          : t('admin-review:approve.existingHolder')}
      </p>
      {blocked.length > 0 && (
        <div class="notice">
          <p>
            <strong>{t('admin-review:approve.blockedTitle')}</strong>
          </p>
          <ul>
            {blocked.map((a) => (
              <li key={a.key}>
                {t(`admin-review:checks.availabilityOf.${a.availability}`, {
                  id: displayKey(a.key),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Approve, reject or ask for more information: what it does, the text, one button. */
export function DecisionPage(props: DecisionPageProps) {
  const { ctx, staff, csrf, kind, dossier, text, problems } = props;
  const { t } = ctx;
  const { record } = dossier;
  const { path, field, required } = DECISIONS[kind];
  const title = t(`admin-review:${kind}.title`, { reference: record.reference });
  const back = `/admin/applications/${record.id}`;
  const problem = problemFor(problems, field);
  const hint = `${field}-hint`;
  const language = languageName(ctx.lang, record.lang);
  return (
    <AdminLayout ctx={ctx} staff={staff} title={titleOf(ctx, title, problems)}>
      <p class="back-link">
        <a href={localPath(ctx, back)}>{t('admin-review:decision.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} problems={problems} />
      <h1 id="decision" tabIndex={-1}>
        {title}
      </h1>
      {kind === 'approve' ? (
        <ApproveFacts ctx={ctx} dossier={dossier} />
      ) : (
        <p>{t(`admin-review:${kind}.lead`, { language })}</p>
      )}
      {dossier.decidable ? (
        <form method="post" action={localPath(ctx, `${back}/${path}`)} novalidate>
          <CsrfField token={csrf} />
          <div class={problem ? 'form-group form-group--error' : 'form-group'}>
            <label for={field}>{t(`admin-review:${kind}.label`)}</label>
            <div id={hint} class="hint">
              {t(`admin-review:${kind}.hint`)}
            </div>
            <ErrorMessage ctx={ctx} id={field} problem={problem} />
            <textarea
              id={field}
              name={field}
              rows={6}
              maxLength={2000}
              required={required}
              aria-describedby={problem ? `${hint} ${field}-error` : hint}
              aria-invalid={problem ? 'true' : undefined}
            >
              {text}
            </textarea>
          </div>
          <button type="submit" class={kind === 'reject' ? 'button button--warning' : 'button'}>
            {t(`admin-review:${kind}.submit`)}
          </button>
        </form>
      ) : (
        <p>
          {t('admin-review:decision.notOpen', {
            status: t(`applications:status.${record.status}`),
          })}
        </p>
      )}
      <p>
        <a href={localPath(ctx, back)}>{t('admin-review:decision.cancel')}</a>
      </p>
    </AdminLayout>
  );
}
