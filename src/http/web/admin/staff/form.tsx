import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../../domain/errors.ts';
import type { PageContext } from '../../../../views/page-context.ts';
import type { FieldProblem } from '../../account/form-errors.tsx';
import { controlAria, LabelledField } from '../../form-field.tsx';

export type { FieldProblem } from '../../account/form-errors.tsx';

/** A date and time for a person, in the page's language (Brussels time, as the registry works). */
export function dateTime(ctx: Pick<PageContext, 'lang'>, iso: string): string {
  return new Intl.DateTimeFormat(ctx.lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(new Date(iso));
}

/** A use case's field errors, translated from `admin-staff:fieldErrors.<field>.<code>`. */
export function staffProblemsOf(
  request: FastifyRequest,
  error: unknown,
): FieldProblem[] | undefined {
  if (!(error instanceof DomainError) || error.fieldErrors.length === 0) return undefined;
  const ctx = { lang: request.lang };
  return error.fieldErrors.map((e) => {
    const params: Record<string, string | number> = { ...e.params };
    if (typeof params.until === 'string') params.until = dateTime(ctx, params.until);
    return {
      field: e.field,
      message: request.t(`admin-staff:fieldErrors.${e.field}.${e.code}`, {
        ...params,
        defaultValue: request.t('admin-staff:fieldErrors.invalid'),
      }),
    };
  });
}

/** Whether a failed use case is a refusal the page shows (its status), else undefined. */
export function refusalStatus(error: unknown): number | undefined {
  if (!(error instanceof DomainError) || error.fieldErrors.length === 0) return undefined;
  return error.code === 'conflict' ? 409 : 400;
}

interface InputProps {
  readonly ctx: PageContext;
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly type: 'text' | 'email' | 'password';
  readonly value?: string;
  readonly autocomplete: string;
  readonly maxLength: number;
  readonly problems: readonly FieldProblem[];
  /** The six-digit code: a short numeric field. */
  readonly numeric?: boolean;
  /** The field's name in the form, when it differs from its id. */
  readonly name?: string;
}

/** A labelled input with its hint and, when wrong, its error message (GOV.UK pattern). */
export function Input(props: InputProps) {
  const { ctx, id } = props;
  const problem = props.problems.find((p) => p.field === id);
  return (
    <LabelledField ctx={ctx} id={id} label={props.label} hint={props.hint} problem={problem}>
      <input
        id={id}
        name={props.name ?? id}
        type={props.type}
        value={props.type === 'password' ? undefined : (props.value ?? '')}
        autocomplete={props.autocomplete}
        spellcheck={false}
        maxLength={props.maxLength}
        inputMode={props.numeric === true ? 'numeric' : undefined}
        pattern={props.numeric === true ? '[0-9 ]*' : undefined}
        class={props.numeric === true ? 'input--short' : undefined}
        {...controlAria(id, props.hint !== undefined, problem)}
      />
    </LabelledField>
  );
}

interface SelectProps {
  readonly ctx: PageContext;
  readonly id: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly value: string;
  readonly problems: readonly FieldProblem[];
}

/** A labelled choice among a few options. */
export function Select(props: SelectProps) {
  const { ctx, id } = props;
  const problem = props.problems.find((p) => p.field === id);
  return (
    <LabelledField ctx={ctx} id={id} label={props.label} hint={undefined} problem={problem}>
      <select id={id} name={id} {...controlAria(id, false, problem)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** The page title, prefixed with "Error:" when the form comes back with problems. */
export function titled(ctx: PageContext, title: string, problems: readonly unknown[]): string {
  return problems.length === 0 ? title : ctx.t('account:errors.title', { title });
}
