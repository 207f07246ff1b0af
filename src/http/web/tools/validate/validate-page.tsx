import type { CheckedList } from '../../../../app/validate-ids.ts';
import { ID_KINDS } from '../../../../domain/emobility-id/index.ts';
import { Layout } from '../../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { MAX_PAGE_IDS, type FormError, type ValidateForm } from './form.ts';
import { ResultsSection } from './results-table.tsx';

export interface ValidatePageProps {
  readonly ctx: PageContext;
  readonly form: ValidateForm;
  readonly error?: FormError;
  readonly checked?: CheckedList;
  /** A GET address showing the same results, when short enough to share. */
  readonly permalink?: string;
}

function errorMessage(ctx: PageContext, error: FormError): string {
  const number = new Intl.NumberFormat(ctx.lang);
  return error.code === 'empty'
    ? ctx.t('validate:errors.empty')
    : ctx.t('validate:errors.tooMany', {
        max: number.format(MAX_PAGE_IDS),
        entered: number.format(error.entered),
      });
}

/**
 * GOV.UK error summary: focused on load (autofocus works without JavaScript) instead of
 * announced through role="alert", linking to the field.
 */
function ErrorSummary({ ctx, error }: { readonly ctx: PageContext; readonly error: FormError }) {
  return (
    <div class="error-summary" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{ctx.t('validate:errors.summaryTitle')}</h2>
      <ul>
        <li>
          <a href="#ids">{errorMessage(ctx, error)}</a>
        </li>
      </ul>
      {error.code === 'too_many' && (
        <p>
          {ctx.t('validate:errors.bulkHelp')}{' '}
          <a href="/docs">{ctx.t('validate:errors.bulkLink')}</a>
        </p>
      )}
    </div>
  );
}

function IdsField({ ctx, form, error }: Pick<ValidatePageProps, 'ctx' | 'form' | 'error'>) {
  const { t } = ctx;
  const max = new Intl.NumberFormat(ctx.lang).format(MAX_PAGE_IDS);
  return (
    <div class={error === undefined ? 'form-group' : 'form-group form-group--error'}>
      <label for="ids">{t('validate:form.idsLabel')}</label>
      <div id="ids-hint" class="hint">
        {t('validate:form.idsHint', { max })}
      </div>
      {error !== undefined && (
        <p id="ids-error" class="error-message">
          <span class="visually-hidden">{t('validate:form.errorPrefix')} </span>
          {errorMessage(ctx, error)}
        </p>
      )}
      <textarea
        id="ids"
        name="ids"
        rows={10}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={error === undefined ? 'ids-hint' : 'ids-hint ids-error'}
        aria-invalid={error === undefined ? undefined : 'true'}
        value={form.text}
      />
    </div>
  );
}

function KindField({ ctx, form }: Pick<ValidatePageProps, 'ctx' | 'form'>) {
  const { t } = ctx;
  return (
    <div class="form-group">
      <label for="kind">{t('validate:form.kindLabel')}</label>
      <div id="kind-hint" class="hint">
        {t('validate:form.kindHint')}
      </div>
      <select id="kind" name="kind" aria-describedby="kind-hint">
        <option value="" selected={form.kind === undefined}>
          {t('validate:form.kindAuto')}
        </option>
        {ID_KINDS.map((kind) => (
          <option key={kind} value={kind} selected={form.kind === kind}>
            {t(`validate:kinds.${kind}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The validation tool: a form that works without JavaScript, and the results under it. */
export function ValidatePage({ ctx, form, error, checked, permalink }: ValidatePageProps) {
  const { t } = ctx;
  const title = t('validate:title');
  return (
    <Layout ctx={ctx} title={error === undefined ? title : t('validate:errorTitle', { title })}>
      {error !== undefined && <ErrorSummary ctx={ctx} error={error} />}
      <h1>{title}</h1>
      <p class="lead">{t('validate:lead')}</p>
      <form method="post" action={localPath(ctx, '/tools/validate')} novalidate>
        <IdsField ctx={ctx} form={form} error={error} />
        <KindField ctx={ctx} form={form} />
        <button type="submit" class="button">
          {t('validate:form.submit')}
        </button>
      </form>
      {checked !== undefined && (
        <ResultsSection ctx={ctx} checked={checked} permalink={permalink} />
      )}
    </Layout>
  );
}
