import { ASSIGNED_COUNTRY_CODES } from '../../../domain/emobility-id/country-codes.ts';
import type { PageContext } from '../../../views/page-context.ts';
import { countryName } from '../register/formatting.ts';
import { ErrorMessage } from './parts.tsx';
import { fieldId, problemFor, type Problem } from './problems.ts';

interface FieldProps {
  readonly ctx: PageContext;
  /** `company.legalName`: the input is named `legalName`, its id is `company-legalName`. */
  readonly field: string;
  readonly value: string;
  readonly problems: readonly Problem[];
}

function nameOf(field: string): string {
  return field.slice(field.indexOf('.') + 1);
}

function describedBy(id: string, hint: boolean, problem: Problem | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter((s) => s !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

function groupClass(problem: Problem | undefined, extra = ''): string {
  return `form-group${problem ? ' form-group--error' : ''}${extra}`;
}

function Hint({ id, text }: { readonly id: string; readonly text: string | undefined }) {
  return text === undefined ? null : (
    <div id={`${id}-hint`} class="hint">
      {text}
    </div>
  );
}

/** A labelled text input; its label and hint are `apply:fields.<field>.label|hint`. */
export function TextInput(
  props: FieldProps & {
    readonly type?: 'text' | 'email' | 'tel' | 'url';
    readonly autocomplete: string;
    readonly maxLength: number;
    readonly hint?: boolean;
    readonly width?: 'short' | 'medium';
    readonly spellcheck?: boolean;
  },
) {
  const { ctx, field } = props;
  const id = fieldId(field);
  const problem = problemFor(props.problems, field);
  const hint = props.hint === true ? ctx.t(`apply:fields.${field}.hint`) : undefined;
  return (
    <div class={groupClass(problem)}>
      <label for={id}>{ctx.t(`apply:fields.${field}.label`)}</label>
      <Hint id={id} text={hint} />
      <ErrorMessage ctx={ctx} id={id} problem={problem} />
      <input
        id={id}
        name={nameOf(field)}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        spellcheck={props.spellcheck ?? false}
        class={props.width === undefined ? undefined : `input--${props.width}`}
        aria-describedby={describedBy(id, hint !== undefined, problem)}
        aria-invalid={problem ? 'true' : undefined}
      />
    </div>
  );
}

function sortedCountries(lang: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(lang);
  return ASSIGNED_COUNTRY_CODES.map((code) => ({ code, name: countryName(lang, code) })).sort(
    (a, b) => collator.compare(a.name, b.name),
  );
}

/** A country chosen by its name in the page's language; the value sent is its ISO code. */
export function CountrySelect(props: FieldProps & { readonly autocomplete: string }) {
  const { ctx, field, value } = props;
  const id = fieldId(field);
  const problem = problemFor(props.problems, field);
  const upper = value.trim().toUpperCase();
  const countries = sortedCountries(ctx.lang);
  const known = countries.some((c) => c.code === upper);
  return (
    <div class={groupClass(problem)}>
      <label for={id}>{ctx.t(`apply:fields.${field}.label`)}</label>
      <ErrorMessage ctx={ctx} id={id} problem={problem} />
      <select
        id={id}
        name={nameOf(field)}
        autocomplete={props.autocomplete}
        aria-describedby={describedBy(id, false, problem)}
        aria-invalid={problem ? 'true' : undefined}
      >
        <option value="">{ctx.t('apply:fields.chooseCountry')}</option>
        {!known && upper !== '' && (
          <option value={value} selected>
            {value}
          </option>
        )}
        {countries.map((c) => (
          <option key={c.code} value={c.code} selected={c.code === upper}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ChoiceProps {
  readonly ctx: PageContext;
  readonly field: string;
  readonly type: 'radio' | 'checkbox';
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly checked: readonly string[];
  readonly problems: readonly Problem[];
  readonly hint?: string;
}

/** Radios or checkboxes in a fieldset whose legend asks the question. */
export function Choices({ ctx, field, type, options, checked, problems, hint }: ChoiceProps) {
  const id = fieldId(field);
  const problem = problemFor(problems, field);
  const wanted = new Set(checked.map((c) => c.trim().toUpperCase()));
  return (
    <div class={groupClass(problem)}>
      <fieldset aria-describedby={describedBy(id, hint !== undefined, problem)}>
        <legend>{ctx.t(`apply:fields.${field}.label`)}</legend>
        <Hint id={id} text={hint} />
        <ErrorMessage ctx={ctx} id={id} problem={problem} />
        <div class={type === 'radio' ? 'radios' : 'checkboxes'}>
          {options.map((o, index) => {
            const inputId = index === 0 ? id : `${id}-${o.value}`;
            return (
              <div class="choice" key={o.value}>
                <input
                  id={inputId}
                  name={nameOf(field)}
                  type={type}
                  value={o.value}
                  checked={wanted.has(o.value)}
                />
                <label for={inputId}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
