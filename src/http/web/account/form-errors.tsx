import type { PageContext } from '../../../views/page-context.ts';

/** A problem with one field of an account form, already translated. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * GOV.UK error summary: first in `main`, focused on load (autofocus works without JavaScript),
 * each message a link to its field.
 */
export function ErrorSummary({
  ctx,
  problems,
}: {
  readonly ctx: PageContext;
  readonly problems: readonly FieldProblem[];
}) {
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{ctx.t('account:errors.summaryTitle')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <a href={`#${p.field}`}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface TextFieldProps {
  readonly ctx: PageContext;
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly type?: 'email' | 'text';
  readonly autocomplete: string;
  readonly maxLength: number;
  readonly problem: FieldProblem | undefined;
}

/** A labelled text input with its hint and, when wrong, its error message. */
export function TextField(props: TextFieldProps) {
  const { ctx, id, problem } = props;
  const described = [props.hint === undefined ? '' : `${id}-hint`, problem ? `${id}-error` : '']
    .filter((s) => s !== '')
    .join(' ');
  return (
    <div class={problem ? 'form-group form-group--error' : 'form-group'}>
      <label for={id}>{props.label}</label>
      {props.hint !== undefined && (
        <div id={`${id}-hint`} class="hint">
          {props.hint}
        </div>
      )}
      {problem && (
        <p id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('account:errors.prefix')} </span>
          {problem.message}
        </p>
      )}
      <input
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        spellcheck={false}
        maxLength={props.maxLength}
        aria-describedby={described === '' ? undefined : described}
        aria-invalid={problem ? 'true' : undefined}
      />
    </div>
  );
}
