import type { ApplicationFile } from '../../../app/applications/ports.ts';
import type { ApplicationData } from '../../../domain/application/steps.ts';
import { REQUESTED_ROLES } from '../../../domain/application/steps.ts';
import { REGISTER_COUNTRIES } from '../../../domain/register/party-key.ts';
import type { PageContext } from '../../../views/page-context.ts';
import { countryName, formatNumber } from '../register/formatting.ts';
import type { AvailabilityReport } from '../../../app/applications/check-availability.ts';
import { AvailabilityPanel } from './availability-panel.tsx';
import { Choices, CountrySelect, TextInput } from './fields.tsx';
import { ErrorMessage } from './parts.tsx';
import { problemFor, type Problem } from './problems.ts';

interface StepFieldsProps {
  readonly ctx: PageContext;
  readonly data: ApplicationData;
  readonly problems: readonly Problem[];
}

export function RequestFields({
  ctx,
  data,
  problems,
  availability,
  useCodeHref,
}: StepFieldsProps & {
  readonly availability: AvailabilityReport | undefined;
  readonly useCodeHref: (code: string) => string;
}) {
  const request = data.request;
  return (
    <>
      <Choices
        ctx={ctx}
        field="request.role"
        type="radio"
        options={REQUESTED_ROLES.map((r) => ({ value: r, label: ctx.t(`applications:role.${r}`) }))}
        checked={request === undefined ? [] : [request.role]}
        problems={problems}
        hint={ctx.t('apply:fields.request.role.hint')}
      />
      <Choices
        ctx={ctx}
        field="request.countries"
        type="checkbox"
        options={REGISTER_COUNTRIES.map((c) => ({ value: c, label: countryName(ctx.lang, c) }))}
        checked={request?.countries ?? []}
        problems={problems}
        hint={ctx.t('apply:fields.request.countries.hint')}
      />
      <TextInput
        ctx={ctx}
        field="request.code"
        value={request?.code ?? ''}
        problems={problems}
        autocomplete="off"
        maxLength={10}
        hint
        width="short"
      />
      <AvailabilityPanel ctx={ctx} report={availability} useCodeHref={useCodeHref} />
    </>
  );
}

function ExtractInput({
  ctx,
  problems,
  files,
}: {
  readonly ctx: PageContext;
  readonly problems: readonly Problem[];
  readonly files: readonly ApplicationFile[];
}) {
  const id = 'company-registryExtract';
  const problem = problemFor(problems, 'company.registryExtract');
  const attached = files[0];
  return (
    <div class={problem ? 'form-group form-group--error' : 'form-group'}>
      <label for={id}>{ctx.t('apply:fields.company.registryExtract.label')}</label>
      <div id={`${id}-hint`} class="hint">
        {ctx.t('apply:fields.company.registryExtract.hint')}
        {attached !== undefined && (
          <>
            {' '}
            {ctx.t('apply:fields.company.registryExtract.attached', {
              name: attached.filename,
              size: formatNumber(ctx.lang, Math.max(1, Math.round(attached.size / 1024))),
            })}
          </>
        )}
      </div>
      <ErrorMessage ctx={ctx} id={id} problem={problem} />
      <input
        id={id}
        name="registryExtract"
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={problem ? 'true' : undefined}
      />
    </div>
  );
}

export function CompanyFields({
  ctx,
  data,
  problems,
  files,
}: StepFieldsProps & { readonly files: readonly ApplicationFile[] }) {
  const c = data.company;
  const text = (name: keyof NonNullable<typeof c>) => c?.[name] ?? '';
  const common = { ctx, problems };
  return (
    <>
      <TextInput
        {...common}
        field="company.legalName"
        value={text('legalName')}
        autocomplete="organization"
        maxLength={1000}
      />
      <TextInput
        {...common}
        field="company.legalForm"
        value={text('legalForm')}
        autocomplete="off"
        maxLength={1000}
        hint
        width="medium"
      />
      <CountrySelect
        {...common}
        field="company.seatCountry"
        value={text('seatCountry')}
        autocomplete="country"
      />
      <TextInput
        {...common}
        field="company.street"
        value={text('street')}
        autocomplete="address-line1"
        maxLength={1000}
      />
      <TextInput
        {...common}
        field="company.postalCode"
        value={text('postalCode')}
        autocomplete="postal-code"
        maxLength={1000}
        width="short"
      />
      <TextInput
        {...common}
        field="company.city"
        value={text('city')}
        autocomplete="address-level2"
        maxLength={1000}
        width="medium"
      />
      <TextInput
        {...common}
        field="company.website"
        type="url"
        value={text('website')}
        autocomplete="url"
        maxLength={1000}
        hint
      />
      <TextInput
        {...common}
        field="company.legalEntityNumber"
        value={text('legalEntityNumber')}
        autocomplete="off"
        maxLength={1000}
        hint
        width="medium"
      />
      <TextInput
        {...common}
        field="company.vatNumber"
        value={text('vatNumber')}
        autocomplete="off"
        maxLength={1000}
        hint
        width="medium"
      />
      <ExtractInput ctx={ctx} problems={problems} files={files} />
    </>
  );
}

export function ApplicantFields({ ctx, data, problems }: StepFieldsProps) {
  const a = data.applicant;
  const common = { ctx, problems };
  return (
    <>
      <TextInput
        {...common}
        field="applicant.name"
        value={a?.name ?? ''}
        autocomplete="name"
        maxLength={1000}
        spellcheck
      />
      <TextInput
        {...common}
        field="applicant.jobTitle"
        value={a?.jobTitle ?? ''}
        autocomplete="organization-title"
        maxLength={1000}
      />
      <TextInput
        {...common}
        field="applicant.email"
        type="email"
        value={a?.email ?? ''}
        autocomplete="work email"
        maxLength={1000}
        hint
      />
      <TextInput
        {...common}
        field="applicant.phone"
        type="tel"
        value={a?.phone ?? ''}
        autocomplete="work tel"
        maxLength={1000}
        hint
        width="medium"
      />
    </>
  );
}

export function InvoiceFields({ ctx, data, problems }: StepFieldsProps) {
  const i = data.invoice;
  const text = (name: keyof NonNullable<typeof i>) => i?.[name] ?? '';
  const common = { ctx, problems };
  return (
    <>
      <TextInput
        {...common}
        field="invoice.street"
        value={text('street')}
        autocomplete="billing address-line1"
        maxLength={1000}
      />
      <TextInput
        {...common}
        field="invoice.postalCode"
        value={text('postalCode')}
        autocomplete="billing postal-code"
        maxLength={1000}
        width="short"
      />
      <TextInput
        {...common}
        field="invoice.city"
        value={text('city')}
        autocomplete="billing address-level2"
        maxLength={1000}
        width="medium"
      />
      <CountrySelect
        {...common}
        field="invoice.country"
        value={text('country')}
        autocomplete="billing country"
      />
      <TextInput
        {...common}
        field="invoice.email"
        type="email"
        value={text('email')}
        autocomplete="billing email"
        maxLength={1000}
        hint
      />
      <TextInput
        {...common}
        field="invoice.vatNumber"
        value={text('vatNumber')}
        autocomplete="off"
        maxLength={1000}
        hint
        width="medium"
      />
      <TextInput
        {...common}
        field="invoice.purchaseOrder"
        value={text('purchaseOrder')}
        autocomplete="off"
        maxLength={1000}
        hint
        width="medium"
      />
    </>
  );
}
