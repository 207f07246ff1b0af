import { CODE_STATUSES } from '../../../domain/register/code-status.ts';
import { REGISTER_COUNTRIES } from '../../../domain/register/party-key.ts';
import { ROLES } from '../../../domain/register/roles.ts';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { countryName } from './formatting.ts';
import { MAX_QUERY_LENGTH, type SearchError, type SearchValues } from './search-query.ts';

interface Option {
  readonly value: string;
  readonly label: string;
}

interface SelectProps {
  readonly ctx: PageContext;
  readonly name: 'country' | 'role' | 'status';
  readonly value: string;
  readonly options: readonly Option[];
  readonly error: SearchError | undefined;
}

/** A filter: "all" first, then each value; a bad value is marked and the choice falls back to all. */
function FilterSelect({ ctx, name, value, options, error }: SelectProps) {
  const errorId = `${name}-error`;
  return (
    <div class={`form-group filter${error === undefined ? '' : ' form-group--error'}`}>
      <label for={name}>{ctx.t(`register:search.${name}Label`)}</label>
      {error !== undefined && (
        <span id={errorId} class="error-message">
          <span class="visually-hidden">{ctx.t('register:errors.prefix')}</span>{' '}
          {ctx.t(`register:errors.${error.message}`)}
        </span>
      )}
      <select id={name} name={name} aria-describedby={error === undefined ? undefined : errorId}>
        <option value="" selected={!options.some((o) => o.value === value)}>
          {ctx.t(`register:search.${name}All`)}
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

function QueryField({
  ctx,
  value,
  error,
}: {
  ctx: PageContext;
  value: string;
  error?: SearchError;
}) {
  const describedBy = error === undefined ? 'q-hint' : 'q-hint q-error';
  return (
    <div class={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <label for="q">{ctx.t('register:search.qLabel')}</label>
      <span id="q-hint" class="hint">
        {ctx.t('register:search.qHint')}
      </span>
      {error !== undefined && (
        <span id="q-error" class="error-message">
          <span class="visually-hidden">{ctx.t('register:errors.prefix')}</span>{' '}
          {ctx.t(`register:errors.${error.message}`, { limit: MAX_QUERY_LENGTH })}
        </span>
      )}
      <input
        type="text"
        id="q"
        name="q"
        value={value}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** The search: a plain GET form, so results have a URL and work without JavaScript. */
export function SearchForm({
  ctx,
  values,
  errors,
}: {
  readonly ctx: PageContext;
  readonly values: SearchValues;
  readonly errors: readonly SearchError[];
}) {
  const errorOf = (field: SearchError['field']) => errors.find((e) => e.field === field);
  return (
    <form class="register-search" method="get" action={localPath(ctx, '/register')} role="search">
      <QueryField ctx={ctx} value={values.q} error={errorOf('q')} />
      <div class="filters">
        <FilterSelect
          ctx={ctx}
          name="country"
          value={values.country}
          error={errorOf('country')}
          options={REGISTER_COUNTRIES.map((c) => ({ value: c, label: countryName(ctx.lang, c) }))}
        />
        <FilterSelect
          ctx={ctx}
          name="role"
          value={values.role}
          error={errorOf('role')}
          options={ROLES.map((r) => ({ value: r, label: ctx.t(`register:roles.long.${r}`) }))}
        />
        <FilterSelect
          ctx={ctx}
          name="status"
          value={values.status}
          error={errorOf('status')}
          options={CODE_STATUSES.map((s) => ({ value: s, label: ctx.t(`register:statuses.${s}`) }))}
        />
      </div>
      <button type="submit" class="button">
        {ctx.t('register:search.submit')}
      </button>
    </form>
  );
}
