import { ACTOR_TYPES } from '../../../../app/audit/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { TextField, type FieldProblem } from '../../account/form-errors.tsx';
import type { AuditFilterValues, AuditQueryError } from './audit-query.ts';
import { actionLabel, AUDIT_PATH } from './entry-parts.tsx';

interface Option {
  readonly value: string;
  readonly label: string;
}

function FilterSelect({
  ctx,
  name,
  label,
  all,
  value,
  options,
  error,
}: {
  readonly ctx: PageContext;
  readonly name: 'action' | 'actor';
  readonly label: string;
  readonly all: string;
  readonly value: string;
  readonly options: readonly Option[];
  readonly error: AuditQueryError | undefined;
}) {
  const errorId = `${name}-error`;
  return (
    <div class={`form-group filter${error === undefined ? '' : ' form-group--error'}`}>
      <label for={name}>{label}</label>
      {error !== undefined && (
        <p id={errorId} class="error-message">
          <span class="visually-hidden">{ctx.t('admin-audit:errors.prefix')} </span>
          {ctx.t(`admin-audit:errors.${error.message}`)}
        </p>
      )}
      <select
        id={name}
        name={name}
        aria-describedby={error === undefined ? undefined : errorId}
        aria-invalid={error === undefined ? undefined : 'true'}
      >
        <option value="" selected={!options.some((o) => o.value === value)}>
          {all}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A day the entries are from or up to, `YYYY-MM-DD`. */
function DateFilter({
  ctx,
  field,
  value,
  problem,
}: {
  readonly ctx: PageContext;
  readonly field: 'from' | 'to';
  readonly value: string;
  readonly problem: FieldProblem | undefined;
}) {
  return (
    <TextField
      ctx={ctx}
      id={field}
      label={ctx.t(`admin-audit:filters.${field}Label`)}
      hint={ctx.t('admin-audit:filters.dateHint')}
      value={value.slice(0, 40)}
      autocomplete="off"
      maxLength={10}
      problem={problem}
    />
  );
}

/** The filters of the list: action, actor, who, and the days from and to. */
export function FilterForm({
  ctx,
  values,
  errors,
  actions,
}: {
  readonly ctx: PageContext;
  readonly values: AuditFilterValues;
  readonly errors: readonly AuditQueryError[];
  readonly actions: readonly string[];
}) {
  const { t } = ctx;
  const problem = (field: AuditQueryError['field']): FieldProblem | undefined => {
    const error = errors.find((e) => e.field === field);
    return error && { field, message: t(`admin-audit:errors.${error.message}`) };
  };
  const known = values.action === '' || actions.includes(values.action);
  const actionOptions = [...actions, ...(known ? [] : [values.action])].map((a) => ({
    value: a,
    label: actionLabel(ctx, a),
  }));
  return (
    <form class="register-search" method="get" action={localPath(ctx, AUDIT_PATH)} role="search">
      <div class="filters">
        <FilterSelect
          ctx={ctx}
          name="action"
          label={t('admin-audit:filters.actionLabel')}
          all={t('admin-audit:filters.actionAll')}
          value={values.action}
          options={actionOptions}
          error={errors.find((e) => e.field === 'action')}
        />
        <FilterSelect
          ctx={ctx}
          name="actor"
          label={t('admin-audit:filters.actorLabel')}
          all={t('admin-audit:filters.actorAll')}
          value={values.actor}
          options={ACTOR_TYPES.map((a) => ({ value: a, label: t(`admin-audit:actorTypes.${a}`) }))}
          error={errors.find((e) => e.field === 'actor')}
        />
      </div>
      <TextField
        ctx={ctx}
        id="who"
        label={t('admin-audit:filters.whoLabel')}
        hint={t('admin-audit:filters.whoHint')}
        value={values.who.slice(0, 400)}
        autocomplete="off"
        maxLength={320}
        problem={problem('who')}
      />
      <div class="filters">
        <DateFilter ctx={ctx} field="from" value={values.from} problem={problem('from')} />
        <DateFilter ctx={ctx} field="to" value={values.to} problem={problem('to')} />
      </div>
      <p>
        <button type="submit" class="button">
          {t('admin-audit:filters.submit')}
        </button>{' '}
        <a href={localPath(ctx, AUDIT_PATH)}>{t('admin-audit:filters.clear')}</a>
      </p>
    </form>
  );
}
