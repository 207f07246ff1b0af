import type { ApplicationView } from '../../../app/applications/application-view.ts';
import {
  APPLICATION_STEPS,
  STEP_FIELDS,
  type ApplicationStep,
} from '../../../domain/application/steps.ts';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { countryName, formatNumber } from '../register/formatting.ts';

type Row = readonly [field: string, value: string];

function valueOf(ctx: PageContext, step: ApplicationStep, name: string, raw: string): string {
  const value = raw.trim();
  if (value === '') return '';
  if (step === 'request' && name === 'role') {
    return ctx.t(`applications:role.${value.toUpperCase()}`, { defaultValue: value });
  }
  if (name === 'seatCountry' || name === 'country') {
    return /^[A-Za-z]{2}$/.test(value) ? countryName(ctx.lang, value.toUpperCase()) : value;
  }
  return value;
}

function rowsOf(ctx: PageContext, view: ApplicationView, step: ApplicationStep): Row[] {
  const data = view.data[step] as Readonly<Record<string, unknown>> | undefined;
  const text = (name: string) => {
    const raw = data?.[name];
    return valueOf(ctx, step, name, typeof raw === 'string' ? raw : '');
  };
  const rows: Row[] = STEP_FIELDS[step].map((name) => [`${step}.${name}`, text(name)]);
  if (step === 'request') {
    const countries = view.data.request?.countries ?? [];
    rows.splice(1, 0, [
      'request.countries',
      countries
        .map((c) => (/^[A-Za-z]{2}$/.test(c) ? countryName(ctx.lang, c.toUpperCase()) : c))
        .join(', '),
    ]);
  }
  if (step === 'company') {
    const file = view.files[0];
    rows.push([
      'company.registryExtract',
      file === undefined
        ? ''
        : ctx.t('apply:review.file', {
            name: file.filename,
            size: formatNumber(ctx.lang, Math.max(1, Math.round(file.size / 1024))),
          }),
    ]);
  }
  return rows;
}

/** Everything entered in one step, as a summary list; "Change" links while it is a draft. */
function StepSummary({
  ctx,
  view,
  step,
}: {
  readonly ctx: PageContext;
  readonly view: ApplicationView;
  readonly step: ApplicationStep;
}) {
  const headingId = `summary-${step}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{ctx.t(`apply:${step}.title`)}</h2>
      <dl class="summary-list">
        {rowsOf(ctx, view, step).map(([field, value]) => {
          const label = ctx.t(`apply:fields.${field}.label`);
          return (
            <div class="summary-row apply-summary-row" key={field}>
              <dt>{label}</dt>
              <dd>
                {value === '' ? <span class="hint">{ctx.t('apply:review.notGiven')}</span> : value}
              </dd>
              {view.editable && (
                <dd class="summary-action">
                  <a
                    href={localPath(
                      ctx,
                      `/apply/${view.id}/${step}?from=review#${field.replace('.', '-')}`,
                    )}
                  >
                    {ctx.t('apply:review.change')}
                    <span class="visually-hidden"> {label}</span>
                  </a>
                </dd>
              )}
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The four steps as summary lists. */
export function ApplicationSummary({
  ctx,
  view,
}: {
  readonly ctx: PageContext;
  readonly view: ApplicationView;
}) {
  return (
    <>
      {APPLICATION_STEPS.map((step) => (
        <StepSummary key={step} ctx={ctx} view={view} step={step} />
      ))}
    </>
  );
}
