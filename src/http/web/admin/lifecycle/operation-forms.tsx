import type { ComponentChildren } from 'preact';
import { REASON_MAX, NAME_MAX } from '../../../../app/lifecycle/input.ts';
import { ASSIGNED_COUNTRY_CODES } from '../../../../domain/emobility-id/country-codes.ts';
import {
  REASONS_BY_OPERATION,
  type LifecycleOperation,
} from '../../../../domain/register/lifecycle-rules.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { countryName } from '../../register/formatting.ts';
import {
  Radios,
  Select,
  TextArea,
  TextInput,
  type FormProblem,
  type Option,
} from './form-fields.tsx';

/** What was typed into one form of the page and what was wrong with it. */
export interface FormState {
  readonly op: string;
  readonly values: Readonly<Record<string, string>>;
  readonly problems: readonly FormProblem[];
}

export interface OperationProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly codeKey: string;
  /** The form sent last, shown again with its problems. */
  readonly state?: FormState | undefined;
  /** Values to start from (the holder's details, what a holder asked for). */
  readonly defaults?: Readonly<Record<string, string>>;
  /** The holder's request this operation answers. */
  readonly holderRequestId?: string | undefined;
}

/** Reads a form's values and problems, prefixing ids with the operation. */
function formOf(props: OperationProps, op: string) {
  const mine = props.state?.op === op ? props.state : undefined;
  const problems = mine?.problems ?? [];
  return {
    /** What every field of the form is given: id, name, label (by its key), value and problems. */
    field: (name: string, label = name) => ({
      ctx: props.ctx,
      id: `${op}-${name}`,
      name,
      label: props.ctx.t(`admin-lifecycle:fields.${label}`),
      value: mine?.values[name] ?? props.defaults?.[name] ?? '',
      problems,
    }),
  };
}

function countryOptions(lang: string): Option[] {
  const collator = new Intl.Collator(lang);
  return ASSIGNED_COUNTRY_CODES.map((code) => ({
    value: code,
    label: countryName(lang, code),
  })).sort((a, b) => collator.compare(a.label, b.label));
}

function OperationSection({
  props,
  op,
  action,
  submit,
  warning,
  children,
}: {
  readonly props: OperationProps;
  readonly op: string;
  readonly action: string;
  readonly submit: string;
  readonly warning?: boolean;
  readonly children: ComponentChildren;
}) {
  const { ctx } = props;
  return (
    <section class="lifecycle-operation" aria-labelledby={`${op}-heading`}>
      <h2 id={`${op}-heading`} tabIndex={-1}>
        {ctx.t(`admin-lifecycle:operations.${op}.heading`)}
      </h2>
      <p>{ctx.t(`admin-lifecycle:operations.${op}.intro`)}</p>
      <form
        method="post"
        action={localPath(ctx, `/admin/codes/${props.codeKey}/${action}`)}
        class="apply-form"
        novalidate
      >
        <CsrfField token={props.csrf} />
        {props.holderRequestId !== undefined && (
          <input type="hidden" name="holderRequestId" value={props.holderRequestId} />
        )}
        {children}
        <button type="submit" class={warning === true ? 'button button--warning' : 'button'}>
          {submit}
        </button>
      </form>
    </section>
  );
}

/** The public reason (from the fixed list) and the admin's own words: every form has both. */
function Reasons({
  props,
  op,
  operation,
}: {
  readonly props: OperationProps;
  readonly op: string;
  readonly operation: LifecycleOperation;
}) {
  const { ctx } = props;
  const f = formOf(props, op);
  const options = REASONS_BY_OPERATION[operation].map((r) => ({
    value: r,
    label: ctx.t(`register:publicReasons.${r}`),
  }));
  return (
    <>
      <Select
        {...f.field('publicReason')}
        hint={ctx.t('admin-lifecycle:fields.publicReasonHint')}
        options={options}
        choose={ctx.t('admin-lifecycle:fields.choose')}
      />
      <TextArea
        {...f.field('reason')}
        hint={ctx.t('admin-lifecycle:fields.reasonHint')}
        maxLength={REASON_MAX}
      />
    </>
  );
}

/** Suspend an active code, or reinstate a suspended one. */
export function StatusForm(props: OperationProps & { readonly op: 'suspend' | 'reinstate' }) {
  const { ctx, op } = props;
  return (
    <OperationSection
      props={props}
      op={op}
      action={op}
      submit={ctx.t(`admin-lifecycle:operations.${op}.submit`)}
      warning={op === 'suspend'}
    >
      <Reasons props={props} op={op} operation={op} />
    </OperationSection>
  );
}

/** Propose a withdrawal from a day; a second admin approves it. */
export function WithdrawForm(props: OperationProps & { readonly earliest?: string | undefined }) {
  const { ctx } = props;
  const f = formOf(props, 'withdraw');
  const hint =
    props.earliest === undefined
      ? ctx.t('admin-lifecycle:fields.effectiveDateHint')
      : ctx.t('admin-lifecycle:fields.effectiveDateNoticeHint', { earliest: props.earliest });
  return (
    <OperationSection
      props={props}
      op="withdraw"
      action="withdraw"
      submit={ctx.t('admin-lifecycle:operations.withdraw.submit')}
      warning
    >
      <TextInput {...f.field('effectiveDate')} hint={hint} maxLength={10} width="medium" />
      <Reasons props={props} op="withdraw" operation="withdraw" />
    </OperationSection>
  );
}

function HolderFields({ props, op }: { readonly props: OperationProps; readonly op: string }) {
  const { ctx } = props;
  const f = formOf(props, op);
  return (
    <>
      <TextInput {...f.field('legalName')} maxLength={NAME_MAX} autocomplete="off" />
      <TextInput {...f.field('tradingName', 'tradingNameOptional')} maxLength={NAME_MAX} />
      <Select
        {...f.field('seatCountry', 'seatCountryOptional')}
        options={countryOptions(ctx.lang)}
        choose={ctx.t('admin-lifecycle:fields.chooseCountry')}
      />
      <TextInput
        {...f.field('website', 'websiteOptional')}
        hint={ctx.t('admin-lifecycle:fields.websiteHint')}
        maxLength={NAME_MAX}
      />
    </>
  );
}

/** Propose a transfer to a holder the register has, or to a new one; a second admin approves. */
export function TransferForm(props: OperationProps) {
  const { ctx } = props;
  const f = formOf(props, 'transfer');
  return (
    <OperationSection
      props={props}
      op="transfer"
      action="transfer"
      submit={ctx.t('admin-lifecycle:operations.transfer.submit')}
      warning
    >
      <Radios
        {...f.field('target')}
        options={[
          { value: 'existing', label: ctx.t('admin-lifecycle:fields.targetExisting') },
          { value: 'new', label: ctx.t('admin-lifecycle:fields.targetNew') },
        ]}
      />
      <TextInput
        {...f.field('toCode')}
        hint={ctx.t('admin-lifecycle:fields.toCodeHint')}
        maxLength={20}
        width="medium"
      />
      <fieldset>
        <legend>{ctx.t('admin-lifecycle:fields.newHolder')}</legend>
        <HolderFields props={props} op="transfer" />
      </fieldset>
      <Reasons props={props} op="transfer" operation="transfer" />
    </OperationSection>
  );
}

/** Rename the holder (legal or trading name) or correct its public details. */
export function RenameForm(props: OperationProps) {
  const { ctx } = props;
  return (
    <OperationSection
      props={props}
      op="rename"
      action="rename"
      submit={ctx.t('admin-lifecycle:operations.rename.submit')}
    >
      <HolderFields props={props} op="rename" />
      <Reasons props={props} op="rename" operation="rename" />
    </OperationSection>
  );
}

/** Link the code that replaces this one. */
export function SuccessorForm(props: OperationProps) {
  const { ctx } = props;
  const f = formOf(props, 'successor');
  return (
    <OperationSection
      props={props}
      op="successor"
      action="successor"
      submit={ctx.t('admin-lifecycle:operations.successor.submit')}
    >
      <TextInput
        {...f.field('successor')}
        hint={ctx.t('admin-lifecycle:fields.toCodeHint')}
        maxLength={20}
        width="medium"
      />
      <Reasons props={props} op="successor" operation="successor" />
    </OperationSection>
  );
}
