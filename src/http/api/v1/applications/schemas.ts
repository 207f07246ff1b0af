import { Type, type TSchema } from 'typebox';
import { nullable, stringEnum } from '../register/schemas.ts';
import { APPLICATION_STATUSES } from '../../../../domain/application/application-status.ts';
import { STORED_FIELD_LIMIT } from '../../../../domain/application/raw-input.ts';
import { APPLICATION_STEPS, REQUESTED_ROLES } from '../../../../domain/application/steps.ts';

const text = (description: string) =>
  Type.Optional(Type.String({ maxLength: STORED_FIELD_LIMIT, description }));
const StatusSchema = stringEnum(APPLICATION_STATUSES);
const PositionSchema = stringEnum([...APPLICATION_STEPS, 'review'] as const);
const CountryList = Type.Array(Type.String({ maxLength: 10 }), {
  maxItems: 10,
  description: 'Some of `BE`, `NL`, `LU`',
});

/** Step bodies: every field is text as typed; the service checks and normalises it. */
export const STEP_BODIES = {
  request: Type.Object(
    {
      role: text(
        `${REQUESTED_ROLES.map((r) => `\`${r}\``).join(', ')}; \`BOTH\` is CPO and eMSP with one code`,
      ),
      countries: Type.Optional(CountryList),
      code: text('Three letters or digits, `ABC` (any case)'),
    },
    { additionalProperties: false, title: 'RequestStep' },
  ),
  company: Type.Object(
    {
      legalName: text('At most 200 characters'),
      legalForm: text('`NV`, `BV`, `SA`, `SARL`, …; at most 100 characters'),
      seatCountry: text('Country of the legal seat, ISO 3166-1 alpha-2'),
      street: text('Street and number'),
      postalCode: text('Postal code'),
      city: text('City'),
      website: text('Optional; `example.com` is read as `https://example.com`'),
      legalEntityNumber: text(
        'Belgian enterprise number (mod-97 checked), Dutch KvK number, Luxembourg RCS number; other countries: free text',
      ),
      vatNumber: text('Optional; with its country prefix, checksum checked'),
    },
    { additionalProperties: false, title: 'CompanyStep' },
  ),
  applicant: Type.Object(
    {
      name: text('At most 200 characters'),
      jobTitle: text('Role in the company'),
      email: text('E-mail address'),
      phone: text('International (`+32 2 …`) or national to the seat country'),
    },
    { additionalProperties: false, title: 'ApplicantStep' },
  ),
  invoice: Type.Object(
    {
      street: text('Billing address: street and number'),
      postalCode: text('Billing postal code'),
      city: text('Billing city'),
      country: text('Billing country, ISO 3166-1 alpha-2'),
      email: text('Where invoices are sent'),
      vatNumber: text('Optional; with its country prefix'),
      purchaseOrder: text('Optional purchase-order reference to quote on the invoice'),
    },
    { additionalProperties: false, title: 'InvoiceStep' },
  ),
} as const satisfies Record<(typeof APPLICATION_STEPS)[number], TSchema>;

export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: '`<step>.<field>`, e.g. `company.legalEntityNumber`' }),
  code: Type.String({ description: 'Stable code, e.g. `invalid_enterprise_number`' }),
  message: Type.String({ description: 'In the language of the request' }),
});

const FileSchema = Type.Object(
  {
    id: Type.String(),
    purpose: Type.Literal('registry_extract'),
    filename: Type.String(),
    contentType: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ApplicationFile' },
);
export { FileSchema };

export const ApplicationSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String({ description: 'Quoted in mails, `APP-2026-7K3Q9D`' }),
    status: StatusSchema,
    currentStep: PositionSchema,
    lang: Type.String(),
    data: Type.Object(
      {
        request: Type.Optional(STEP_BODIES.request),
        company: Type.Optional(STEP_BODIES.company),
        applicant: Type.Optional(STEP_BODIES.applicant),
        invoice: Type.Optional(STEP_BODIES.invoice),
      },
      { description: 'Everything as typed, by step; a step is absent until saved once' },
    ),
    errors: Type.Array(FieldErrorSchema, {
      description: 'What is wrong in the steps saved so far',
    }),
    files: Type.Array(FileSchema),
    editable: Type.Boolean({
      description: 'A draft, or `info_requested`: the steps can be saved and it can be submitted',
    }),
    withdrawable: Type.Boolean(),
    termsVersion: nullable(Type.String()),
    termsAcceptedAt: nullable(Type.String({ format: 'date-time' })),
    submittedAt: nullable(
      Type.String({
        format: 'date-time',
        description: 'The first submission; sending it again after a question keeps it',
      }),
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    reviewerMessage: nullable(
      Type.String({
        description:
          'The registry’s question while the status is `info_requested`, or the reason of a rejection',
      }),
    ),
  },
  { title: 'Application' },
);

export const ApplicationListSchema = Type.Object(
  {
    applications: Type.Array(
      Type.Object({
        id: Type.String(),
        reference: Type.String(),
        status: StatusSchema,
        currentStep: PositionSchema,
        code: nullable(Type.String()),
        countries: Type.Array(Type.String()),
        withdrawable: Type.Boolean(),
        submittedAt: nullable(Type.String({ format: 'date-time' })),
        createdAt: Type.String({ format: 'date-time' }),
        updatedAt: Type.String({ format: 'date-time' }),
      }),
    ),
    codes: Type.Array(
      Type.Object({
        key: Type.String(),
        country: Type.String(),
        code: Type.String(),
        roles: Type.Array(Type.String()),
        status: Type.String(),
        validFrom: nullable(Type.String()),
      }),
      { description: 'The codes the organisation holds in the register' },
    ),
  },
  { title: 'ApplicationList' },
);

export const SavedStepSchema = Type.Object(
  {
    step: Type.String(),
    valid: Type.Literal(true),
    application: ApplicationSchema,
  },
  { title: 'SavedStep' },
);

export const ReviewSchema = Type.Object(
  {
    application: ApplicationSchema,
    errors: Type.Array(FieldErrorSchema, {
      description: 'Every error, unsaved steps and the rules across steps included',
    }),
    ready: Type.Boolean({ description: 'Submitting with the terms accepted would succeed now' }),
    termsVersion: Type.String({ description: 'The terms accepted by submitting now' }),
  },
  { title: 'ApplicationReview' },
);

export const IdParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'The application id' }),
});

export const SubmitBodySchema = Type.Object(
  { acceptTerms: Type.Boolean({ description: 'Must be `true`: the current terms are accepted' }) },
  { additionalProperties: false },
);

export const ExtractQuerySchema = Type.Object({
  filename: Type.Optional(Type.String({ maxLength: 200, description: 'The file name to keep' })),
});

export const AvailabilityQuerySchema = Type.Object({
  code: Type.String({ maxLength: 10, description: 'The wanted code, `ABC`' }),
  countries: Type.String({ maxLength: 40, description: 'Comma-separated: `BE,NL`' }),
  companyName: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'The applicant company: its own records abroad are not warned about',
    }),
  ),
});

export const AvailabilitySchema = Type.Object(
  {
    code: Type.String(),
    available: Type.Boolean({ description: 'Free in every requested country' }),
    countries: Type.Array(
      Type.Object({
        country: Type.String(),
        key: Type.String(),
        availability: stringEnum(['free', 'taken', 'reserved', 'quarantined'] as const),
      }),
    ),
    heldAbroad: Type.Array(
      Type.Object({
        country: Type.String(),
        registry: Type.String({ description: 'The register that lists it' }),
        organisationName: nullable(Type.String()),
        role: Type.String(),
        status: Type.String(),
        source: nullable(Type.String({ description: 'Where the record was published' })),
        retrievedAt: Type.String({ description: 'When it was retrieved' }),
      }),
      {
        description:
          'The same code held in other countries, per the federated registers: a warning, not a refusal',
      },
    ),
    alternatives: Type.Array(Type.String(), {
      description: 'Up to five close codes free in every requested country',
    }),
  },
  { title: 'Availability' },
);
