import type { PageContext } from '../../../../views/page-context.ts';
import { Input, type FieldProblem } from './form.tsx';

interface FieldProps {
  readonly ctx: PageContext;
  readonly problems: readonly FieldProblem[];
}

/** A password input: never echoed back, at most 200 characters. */
export function PasswordField(
  props: FieldProps & {
    readonly id: string;
    readonly label: string;
    readonly hint?: string;
    readonly autocomplete: 'current-password' | 'new-password';
  },
) {
  return (
    <Input
      ctx={props.ctx}
      id={props.id}
      type="password"
      label={props.label}
      hint={props.hint}
      autocomplete={props.autocomplete}
      maxLength={200}
      problems={props.problems}
    />
  );
}

/** A new password and its confirmation (enrolment; changing one's password). */
export function NewPasswordFields({ ctx, problems }: FieldProps) {
  const { t } = ctx;
  return (
    <>
      <PasswordField
        ctx={ctx}
        id="password"
        label={t('admin-staff:fields.newPassword')}
        hint={t('admin-staff:fields.newPasswordHint')}
        autocomplete="new-password"
        problems={problems}
      />
      <PasswordField
        ctx={ctx}
        id="confirmation"
        label={t('admin-staff:fields.confirmation')}
        autocomplete="new-password"
        problems={problems}
      />
    </>
  );
}

/** The authenticator app's current six-digit code. */
export function CodeField({ ctx, problems }: FieldProps) {
  const { t } = ctx;
  return (
    <Input
      ctx={ctx}
      id="code"
      type="text"
      numeric
      label={t('admin-staff:fields.code')}
      hint={t('admin-staff:fields.codeHint')}
      autocomplete="one-time-code"
      maxLength={7}
      problems={problems}
    />
  );
}
