import type { PageContext } from '../../../../views/page-context.ts';
import {
  controlAria,
  describedBy,
  groupClass,
  HintAndError,
  LabelledField,
} from '../../form-field.tsx';

/** A problem with a form field, translated; `id` is the field's id on the page. */
export interface FormProblem {
  readonly id: string;
  readonly message: string;
}

/** GOV.UK error summary: first in `main`, focused on load, each message a link to its field. */
export function ProblemSummary({
  ctx,
  problems,
}: {
  readonly ctx: PageContext;
  readonly problems: readonly FormProblem[];
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
      <h2 id="error-summary-title">{ctx.t('account:errors.summaryTitle')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.id}-${p.message}`}>
            <a href={`#${p.id}`}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Error: …" before the title of a page that shows problems. */
export function pageTitle(ctx: PageContext, title: string, problems: readonly FormProblem[]) {
  return problems.length > 0 ? ctx.t('account:errors.title', { title }) : title;
}

interface FieldProps {
  readonly ctx: PageContext;
  readonly id: string;
  /** The form field's name; the id by default. */
  readonly name?: string;
  readonly label: string;
  readonly hint?: string;
  readonly problems: readonly FormProblem[];
}

function problemOf(problems: readonly FormProblem[], id: string): FormProblem | undefined {
  return problems.find((p) => p.id === id);
}

/** A labelled one-line text input. */
export function TextInput(
  props: FieldProps & {
    readonly value: string;
    readonly maxLength: number;
    readonly autocomplete?: string;
    readonly width?: 'short' | 'medium';
  },
) {
  const { id } = props;
  const problem = problemOf(props.problems, id);
  return (
    <LabelledField ctx={props.ctx} id={id} label={props.label} hint={props.hint} problem={problem}>
      <input
        id={id}
        name={props.name ?? id}
        type="text"
        value={props.value}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={false}
        class={props.width === undefined ? undefined : `input--${props.width}`}
        {...controlAria(id, props.hint !== undefined, problem)}
      />
    </LabelledField>
  );
}

/** A labelled text area, for reasons and notes. */
export function TextArea(
  props: FieldProps & { readonly value: string; readonly maxLength: number },
) {
  const { id } = props;
  const problem = problemOf(props.problems, id);
  return (
    <LabelledField ctx={props.ctx} id={id} label={props.label} hint={props.hint} problem={problem}>
      <textarea
        id={id}
        name={props.name ?? id}
        rows={3}
        maxLength={props.maxLength}
        {...controlAria(id, props.hint !== undefined, problem)}
      >
        {props.value}
      </textarea>
    </LabelledField>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A labelled select; the first option asks to choose. */
export function Select(
  props: FieldProps & {
    readonly value: string;
    readonly options: readonly Option[];
    readonly choose: string;
  },
) {
  const { id, value } = props;
  const problem = problemOf(props.problems, id);
  return (
    <LabelledField ctx={props.ctx} id={id} label={props.label} hint={props.hint} problem={problem}>
      <select
        id={id}
        name={props.name ?? id}
        {...controlAria(id, props.hint !== undefined, problem)}
      >
        <option value="">{props.choose}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** Radios in a fieldset whose legend asks the question. */
export function Radios(
  props: FieldProps & { readonly value: string; readonly options: readonly Option[] },
) {
  const { ctx, id, hint, problems, value } = props;
  const problem = problemOf(problems, id);
  return (
    <div class={groupClass(problem)}>
      <fieldset aria-describedby={describedBy(id, hint !== undefined, problem !== undefined)}>
        <legend>{props.label}</legend>
        <HintAndError ctx={ctx} id={id} hint={hint} problem={problem} />
        <div class="radios">
          {props.options.map((o, index) => {
            const inputId = index === 0 ? id : `${id}-${o.value}`;
            return (
              <div class="choice" key={o.value}>
                <input
                  id={inputId}
                  name={props.name ?? id}
                  type="radio"
                  value={o.value}
                  checked={o.value === value}
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
