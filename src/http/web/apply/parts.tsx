import { APPLICATION_STEPS, type ApplicationStep } from '../../../domain/application/steps.ts';
import type { PageContext } from '../../../views/page-context.ts';
import type { Problem } from './problems.ts';

/** The GOV.UK error summary: first in `main`, focused on load, each message a link to its field. */
export function ErrorSummary({
  ctx,
  problems,
  hrefOf = (p) => `#${p.id}`,
}: {
  readonly ctx: PageContext;
  readonly problems: readonly Problem[];
  readonly hrefOf?: (problem: Problem) => string;
}) {
  if (problems.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autofocus
    >
      <h2 id="error-summary-title">{ctx.t('apply:errors.summaryTitle')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.id}-${p.message}`}>
            <a href={hrefOf(p)}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message beside a field; its id is what the input's `aria-describedby` names. */
export function ErrorMessage({
  ctx,
  id,
  problem,
}: {
  readonly ctx: PageContext;
  readonly id: string;
  readonly problem: Problem | undefined;
}) {
  if (problem === undefined) return null;
  return (
    <p id={`${id}-error`} class="error-message">
      <span class="visually-hidden">{ctx.t('apply:errors.prefix')} </span>
      {problem.message}
    </p>
  );
}

/** "Step 2 of 4: Company", with the steps listed and the current one marked. */
export function StepIndicator({
  ctx,
  step,
}: {
  readonly ctx: PageContext;
  readonly step: ApplicationStep;
}) {
  const number = APPLICATION_STEPS.indexOf(step) + 1;
  return (
    <nav class="apply-steps" aria-label={ctx.t('apply:steps.label')}>
      <p class="apply-step-count">
        {ctx.t('apply:steps.count', { number, total: APPLICATION_STEPS.length })}
      </p>
      <ol>
        {APPLICATION_STEPS.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {ctx.t(`applications:step.${s}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A page title, marked "Error:" when the page shows problems (GOV.UK). */
export function titleOf(ctx: PageContext, title: string, problems: readonly Problem[]): string {
  return problems.length > 0 ? ctx.t('apply:errors.title', { title }) : title;
}
