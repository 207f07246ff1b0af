import type { PageContext } from '../../../views/page-context.ts';
import { controlAria, LabelledField } from '../form-field.tsx';

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
  return (
    <LabelledField ctx={ctx} id={id} label={props.label} hint={props.hint} problem={problem}>
      <input
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        spellcheck={false}
        maxLength={props.maxLength}
        {...controlAria(id, props.hint !== undefined, problem)}
      />
    </LabelledField>
  );
}
