import type { HolderPortal } from '../../../../app/lifecycle/holder-requests.ts';
import { MESSAGE_MAX } from '../../../../app/lifecycle/holder-requests.ts';
import { NAME_MAX } from '../../../../app/lifecycle/input.ts';
import { ASSIGNED_COUNTRY_CODES } from '../../../../domain/emobility-id/country-codes.ts';
import { startOfDay } from '../../../../domain/register/lifecycle-rules.ts';
import { Layout } from '../../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import {
  pageTitle,
  ProblemSummary,
  Radios,
  Select,
  TextArea,
  TextInput,
  type FormProblem,
} from '../../admin/lifecycle/form-fields.tsx';
import { AccountNav } from '../account-nav.tsx';
import { CsrfField } from '../csrf-field.tsx';
import { countryName, displayForms, formatDate } from '../../register/formatting.ts';

/** The three request forms, by their path: `/account/requests/{form}`. */
export const REQUEST_FORMS = {
  termination: 'termination',
  details: 'change_details',
  transfer: 'transfer',
} as const;
export type RequestForm = keyof typeof REQUEST_FORMS;

export interface RequestFormPageProps {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly form: RequestForm;
  readonly portal: HolderPortal;
  readonly values: Readonly<Record<string, string>>;
  readonly problems: readonly FormProblem[];
}

function countryOptions(lang: string) {
  const collator = new Intl.Collator(lang);
  return ASSIGNED_COUNTRY_CODES.map((code) => ({
    value: code,
    label: countryName(lang, code),
  })).sort((a, b) => collator.compare(a.label, b.label));
}

function CodeChoice({ props }: { readonly props: RequestFormPageProps }) {
  const { ctx, portal, values, problems } = props;
  const codes = portal.codes.filter((c) => c.status !== 'withdrawn');
  return (
    <Radios
      ctx={ctx}
      id="code"
      label={ctx.t(`account-requests:${props.form}.codeLabel`)}
      value={values.code ?? (codes.length === 1 ? (codes[0]?.key ?? '') : '')}
      options={codes.map((c) => ({ value: c.key, label: displayForms(c).cpo }))}
      problems={problems}
    />
  );
}

function TerminationFields({ props }: { readonly props: RequestFormPageProps }) {
  const { ctx, values, problems, portal } = props;
  const earliest = formatDate(ctx.lang, startOfDay(portal.earliestTermination));
  return (
    <>
      <CodeChoice props={props} />
      <TextInput
        ctx={ctx}
        id="effectiveDate"
        label={ctx.t('account-requests:termination.dateLabel')}
        hint={ctx.t('account-requests:termination.dateHint', {
          earliest,
          example: portal.earliestTermination,
        })}
        value={values.effectiveDate ?? portal.earliestTermination}
        maxLength={10}
        width="medium"
        problems={problems}
      />
    </>
  );
}

function DetailsFields({ props }: { readonly props: RequestFormPageProps }) {
  const { ctx, values, problems, portal } = props;
  const holder = portal.holder;
  const value = (name: string, current: string | null | undefined) => values[name] ?? current ?? '';
  return (
    <>
      <TextInput
        ctx={ctx}
        id="legalName"
        label={ctx.t('account-requests:details.legalName')}
        value={value('legalName', holder?.legalName)}
        maxLength={NAME_MAX}
        autocomplete="organization"
        problems={problems}
      />
      <TextInput
        ctx={ctx}
        id="tradingName"
        label={ctx.t('account-requests:details.tradingName')}
        value={value('tradingName', holder?.tradingName)}
        maxLength={NAME_MAX}
        problems={problems}
      />
      <Select
        ctx={ctx}
        id="seatCountry"
        label={ctx.t('account-requests:details.seatCountry')}
        value={value('seatCountry', holder?.seatCountry)}
        options={countryOptions(ctx.lang)}
        choose={ctx.t('account-requests:details.chooseCountry')}
        problems={problems}
      />
      <TextInput
        ctx={ctx}
        id="website"
        label={ctx.t('account-requests:details.website')}
        hint={ctx.t('account-requests:details.websiteHint')}
        value={value('website', holder?.website)}
        maxLength={NAME_MAX}
        autocomplete="url"
        problems={problems}
      />
    </>
  );
}

function TransferFields({ props }: { readonly props: RequestFormPageProps }) {
  const { ctx, values, problems } = props;
  return (
    <>
      <CodeChoice props={props} />
      <TextInput
        ctx={ctx}
        id="toName"
        label={ctx.t('account-requests:transfer.toName')}
        value={values.toName ?? ''}
        maxLength={NAME_MAX}
        problems={problems}
      />
      <TextInput
        ctx={ctx}
        id="toCode"
        label={ctx.t('account-requests:transfer.toCode')}
        hint={ctx.t('account-requests:transfer.toCodeHint')}
        value={values.toCode ?? ''}
        maxLength={20}
        width="medium"
        problems={problems}
      />
      <Radios
        ctx={ctx}
        id="publicReason"
        label={ctx.t('account-requests:transfer.why')}
        value={values.publicReason ?? ''}
        options={[
          { value: 'merger', label: ctx.t('account-requests:transfer.merger') },
          { value: 'acquisition', label: ctx.t('account-requests:transfer.acquisition') },
        ]}
        problems={problems}
      />
    </>
  );
}

/** `/{lang}/account/requests/{termination|details|transfer}`: one request form. */
export function RequestFormPage(props: RequestFormPageProps) {
  const { ctx, csrf, form, values, problems } = props;
  const { t } = ctx;
  const title = t(`account-requests:${form}.title`);
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, problems)}>
      <ProblemSummary ctx={ctx} problems={problems} />
      <AccountNav ctx={ctx} />
      <p class="back-link">
        <a href={localPath(ctx, '/account/requests')}>{t('account-requests:page.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t(`account-requests:${form}.lead`)}</p>
      {form === 'termination' && <p>{t('account-requests:termination.fees')}</p>}
      <form
        method="post"
        action={localPath(ctx, `/account/requests/${form}`)}
        class="apply-form"
        novalidate
      >
        <CsrfField token={csrf} />
        {form === 'termination' && <TerminationFields props={props} />}
        {form === 'details' && <DetailsFields props={props} />}
        {form === 'transfer' && <TransferFields props={props} />}
        <TextArea
          ctx={ctx}
          id="message"
          label={t('account-requests:fields.message')}
          hint={t('account-requests:fields.messageHint')}
          value={values.message ?? ''}
          maxLength={MESSAGE_MAX}
          problems={problems}
        />
        <button type="submit" class="button">
          {t(`account-requests:${form}.submit`)}
        </button>
      </form>
    </Layout>
  );
}
