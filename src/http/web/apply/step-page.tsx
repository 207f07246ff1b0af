import type { AvailabilityReport } from '../../../app/applications/check-availability.ts';
import type { ApplicationView } from '../../../app/applications/application-view.ts';
import { APPLICATION_STEPS, type ApplicationStep } from '../../../domain/application/steps.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { CsrfField } from '../account/csrf-field.tsx';
import { ErrorSummary, StepIndicator, titleOf } from './parts.tsx';
import type { Problem } from './problems.ts';
import { ApplicantFields, CompanyFields, InvoiceFields, RequestFields } from './step-fields.tsx';

export interface StepPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly application: Pick<ApplicationView, 'id' | 'reference' | 'data' | 'files'>;
  readonly step: ApplicationStep;
  readonly problems: readonly Problem[];
  readonly availability?: AvailabilityReport;
  /** The step was saved valid, but the code is held abroad: say so, and offer to go on. */
  readonly warnAbroad?: boolean;
  /** Came from the review page's "Change" link: go back there once saved. */
  readonly fromReview: boolean;
}

/** Where a step's "Back" link and its "Continue" lead. */
export function neighbours(step: ApplicationStep): {
  previous: ApplicationStep | undefined;
  next: ApplicationStep | 'review';
} {
  const index = APPLICATION_STEPS.indexOf(step);
  return {
    previous: APPLICATION_STEPS[index - 1],
    next: APPLICATION_STEPS[index + 1] ?? 'review',
  };
}

function Fields(props: StepPageProps) {
  const { ctx, application, problems } = props;
  switch (props.step) {
    case 'request':
      return (
        <RequestFields
          ctx={ctx}
          data={application.data}
          problems={problems}
          availability={props.availability}
          useCodeHref={(code) =>
            localPath(ctx, `/apply/${application.id}/request?useCode=${encodeURIComponent(code)}`)
          }
        />
      );
    case 'company':
      return (
        <CompanyFields
          ctx={ctx}
          data={application.data}
          problems={problems}
          files={application.files}
        />
      );
    case 'applicant':
      return <ApplicantFields ctx={ctx} data={application.data} problems={problems} />;
    case 'invoice':
      return <InvoiceFields ctx={ctx} data={application.data} problems={problems} />;
  }
}

/** One step of the application form: works without JavaScript, keeps whatever was typed. */
export function StepPage(props: StepPageProps) {
  const { ctx, application, step, problems, fromReview } = props;
  const base = `/apply/${application.id}`;
  const { previous, next } = neighbours(step);
  const back = fromReview
    ? `${base}/review`
    : previous === undefined
      ? '/apply'
      : `${base}/${previous}`;
  const title = ctx.t(`apply:${step}.title`);
  const action = localPath(ctx, `${base}/${step}${fromReview ? '?from=review' : ''}`);
  return (
    <Layout
      ctx={ctx}
      title={titleOf(ctx, title, problems)}
      scripts={step === 'request' ? ['/assets/availability.js'] : []}
    >
      <p class="back-link">
        <a href={localPath(ctx, back)}>{ctx.t('apply:back')}</a>
      </p>
      <ErrorSummary ctx={ctx} problems={problems} />
      <StepIndicator ctx={ctx} step={step} />
      <h1>{title}</h1>
      <p class="lead">{ctx.t(`apply:${step}.lead`)}</p>
      <p class="hint">{ctx.t('apply:referenceLine', { reference: application.reference })}</p>
      {props.warnAbroad === true && (
        <div class="notice" role="status">
          <p>{ctx.t('apply:availability.abroadSaved')}</p>
          <p>
            <a href={localPath(ctx, `${base}/${fromReview ? 'review' : next}`)}>
              {ctx.t('apply:continueAnyway')}
            </a>
          </p>
        </div>
      )}
      <form
        method="post"
        action={action}
        novalidate
        enctype={step === 'company' ? 'multipart/form-data' : undefined}
        class="apply-form"
      >
        <CsrfField token={props.csrf} />
        <Fields {...props} />
        <button type="submit" class="button">
          {ctx.t('apply:saveAndContinue')}
        </button>
      </form>
    </Layout>
  );
}
