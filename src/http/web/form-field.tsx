import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../views/page-context.ts';

/** What a field shows when it is wrong: a message, already translated. */
export interface FieldMessage {
  readonly message: string;
}

/** The ids a control's `aria-describedby` names: its hint and its error, when shown. */
export function describedBy(id: string, hint: boolean, problem: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter((s) => s !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** What ties a control to its hint and problem. */
export function controlAria(id: string, hint: boolean, problem: FieldMessage | undefined) {
  return {
    'aria-describedby': describedBy(id, hint, problem !== undefined),
    'aria-invalid': problem ? ('true' as const) : undefined,
  };
}

/** The class of a field's group: marked when it shows a problem. */
export function groupClass(problem: FieldMessage | undefined): string {
  return problem === undefined ? 'form-group' : 'form-group form-group--error';
}

/** A field's hint, then its error message (GOV.UK pattern). */
export function HintAndError({
  ctx,
  id,
  hint,
  problem,
}: {
  readonly ctx: PageContext;
  readonly id: string;
  readonly hint: string | undefined;
  readonly problem: FieldMessage | undefined;
}) {
  return (
    <>
      {hint !== undefined && (
        <div id={`${id}-hint`} class="hint">
          {hint}
        </div>
      )}
      {problem !== undefined && (
        <p id={`${id}-error`} class="error-message">
          <span class="visually-hidden">{ctx.t('account:errors.prefix')} </span>
          {problem.message}
        </p>
      )}
    </>
  );
}

/** A field's group: its label, hint and problem, then the control. */
export function LabelledField({
  ctx,
  id,
  label,
  hint,
  problem,
  children,
}: {
  readonly ctx: PageContext;
  readonly id: string;
  readonly label: string;
  readonly hint: string | undefined;
  readonly problem: FieldMessage | undefined;
  readonly children: ComponentChildren;
}) {
  return (
    <div class={groupClass(problem)}>
      <label for={id}>{label}</label>
      <HintAndError ctx={ctx} id={id} hint={hint} problem={problem} />
      {children}
    </div>
  );
}
