import type { ApplicationReview } from '../../../app/applications/review-application.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { CsrfField } from '../account/csrf-field.tsx';
import { heldAbroadText } from './availability-panel.tsx';
import { formatDate } from '../register/formatting.ts';
import { ErrorMessage, ErrorSummary, titleOf } from './parts.tsx';
import { problemFor, type Problem } from './problems.ts';
import { ApplicationSummary } from './summary.tsx';

export interface ReviewPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly review: Pick<ApplicationReview, 'application' | 'availability' | 'termsVersion'>;
  readonly problems: readonly Problem[];
  readonly accepted: boolean;
}

function AbroadWarnings({ ctx, review }: Pick<ReviewPageProps, 'ctx' | 'review'>) {
  const report = review.availability;
  if (report === null || report.heldAbroad.length === 0) return null;
  return (
    <div class="notice">
      <ul class="availability-list">
        {report.heldAbroad.map((h) => (
          <li key={`${h.country}-${h.registry}-${h.role}`}>
            {heldAbroadText(ctx, report.code, h)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Terms({
  ctx,
  csrf,
  review,
  problems,
  accepted,
}: Omit<ReviewPageProps, 'ctx'> & { ctx: PageContext }) {
  const problem = problemFor(problems, 'acceptTerms');
  const id = 'acceptTerms';
  return (
    <section aria-labelledby="terms-heading">
      <h2 id="terms-heading">{ctx.t('apply:terms.title')}</h2>
      <p class="hint">{ctx.t('apply:terms.version', { version: review.termsVersion })}</p>
      <ul class="apply-terms">
        {(['fees', 'first', 'validity', 'termination', 'data'] as const).map((k) => (
          <li key={k}>{ctx.t(`apply:terms.${k}`)}</li>
        ))}
      </ul>
      <form
        method="post"
        action={localPath(ctx, `/apply/${review.application.id}/review`)}
        novalidate
      >
        <CsrfField token={csrf} />
        <div class={problem ? 'form-group form-group--error' : 'form-group'}>
          <ErrorMessage ctx={ctx} id={id} problem={problem} />
          <div class="choice">
            <input
              id={id}
              name="acceptTerms"
              type="checkbox"
              value="yes"
              checked={accepted}
              aria-describedby={problem ? `${id}-error` : undefined}
              aria-invalid={problem ? 'true' : undefined}
            />
            <label for={id}>{ctx.t('apply:terms.accept', { version: review.termsVersion })}</label>
          </div>
        </div>
        <button type="submit" class="button">
          {ctx.t(
            review.application.status === 'info_requested'
              ? 'apply:review.resubmit'
              : 'apply:review.submit',
          )}
        </button>
      </form>
    </section>
  );
}

/** The registry's question while it waits for more information, or why it rejected. */
function ReviewerMessage({
  ctx,
  view,
}: {
  readonly ctx: PageContext;
  readonly view: ReviewPageProps['review']['application'];
}) {
  const message = view.reviewerMessage;
  if (message === null) return null;
  const asking = view.status === 'info_requested';
  return (
    <div class="notice" role={asking ? 'status' : undefined}>
      <h2>{ctx.t(asking ? 'apply:review.infoHeading' : 'apply:review.rejectedHeading')}</h2>
      {message
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      {asking && <p>{ctx.t('apply:review.infoLead')}</p>}
    </div>
  );
}

/** The last page before submitting: everything entered, everything wrong, the terms. */
export function ReviewPage(props: ReviewPageProps) {
  const { ctx, review, problems } = props;
  const view = review.application;
  const editable = view.editable;
  const title =
    view.status === 'info_requested'
      ? ctx.t('apply:review.infoTitle', { reference: view.reference })
      : editable
        ? ctx.t('apply:review.title')
        : ctx.t('apply:review.readOnlyTitle', { reference: view.reference });
  const hrefOf = (p: Problem) => {
    const step = p.field.split('.')[0] ?? '';
    return p.field === 'acceptTerms' || step === ''
      ? `#${p.id}`
      : localPath(ctx, `/apply/${view.id}/${step}?from=review#${p.id}`);
  };
  return (
    <Layout ctx={ctx} title={titleOf(ctx, title, problems)}>
      <p class="back-link">
        <a href={localPath(ctx, editable ? `/apply/${view.id}/invoice` : '/account')}>
          {ctx.t('apply:back')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} problems={problems} hrefOf={hrefOf} />
      <h1>{title}</h1>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>{ctx.t('apply:review.reference')}</dt>
          <dd>{view.reference}</dd>
        </div>
        <div class="summary-row">
          <dt>{ctx.t('apply:review.status')}</dt>
          <dd>
            <strong class="tag">{ctx.t(`applications:status.${view.status}`)}</strong>
          </dd>
        </div>
        {view.submittedAt !== null && (
          <div class="summary-row">
            <dt>{ctx.t('apply:review.submittedAt')}</dt>
            <dd>{formatDate(ctx.lang, view.submittedAt)}</dd>
          </div>
        )}
        {view.termsVersion !== null && (
          <div class="summary-row">
            <dt>{ctx.t('apply:review.termsAccepted')}</dt>
            <dd>{ctx.t('apply:terms.version', { version: view.termsVersion })}</dd>
          </div>
        )}
      </dl>
      <ReviewerMessage ctx={ctx} view={view} />
      {editable && <p class="lead">{ctx.t('apply:review.lead')}</p>}
      <AbroadWarnings ctx={ctx} review={review} />
      <ApplicationSummary ctx={ctx} view={view} />
      {editable && <Terms {...props} />}
    </Layout>
  );
}
