import { Type, type Static, type TSchema } from 'typebox';
import { EVENT_TYPES } from '../../../../app/register/models.ts';
import { CODE_STATUSES } from '../../../../domain/register/code-status.ts';
import { PUBLIC_REASONS } from '../../../../domain/register/lifecycle-rules.ts';
import { ROLES } from '../../../../domain/register/roles.ts';

/**
 * A string enum with an explicit `type`, so that the response serializer writes it directly
 * instead of falling back to `JSON.stringify`.
 */
export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: Readonly<Record<string, unknown>> = {},
) {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/**
 * `type: [t, 'null']` rather than `anyOf`: OpenAPI 3.1 reads it the same, and the serializer
 * picks the branch with a `typeof` test instead of running a validator on every answer.
 */
export function nullable<S extends TSchema>(schema: S) {
  const { type, enum: enumValues } = schema as { type?: unknown; enum?: unknown[] };
  if (typeof type !== 'string') throw new TypeError('nullable() needs a schema with one type');
  return Type.Unsafe<Static<S> | null>({
    ...schema,
    type: [type, 'null'],
    ...(enumValues === undefined ? {} : { enum: [...enumValues, null] }),
  });
}

const dateTime = (description: string) =>
  Type.String({ format: 'date-time', description, examples: ['2026-11-27T10:00:00.000Z'] });

export const RoleSchema = stringEnum(ROLES, {
  description:
    '`CPO` charge point operator, `EMSP` e-mobility service provider, `LOCATION_OWNER` a location owner (a kind of CPO: it owns the charge points its IDs identify)',
});
export const StatusSchema = stringEnum(CODE_STATUSES, {
  description:
    '`reserved`: assigned, not yet in use; `active`: valid; `suspended`: temporarily not valid (e.g. annual fee unpaid); `withdrawn`: ended for good, never issued again',
});

export const PartyDisplaySchema = Type.Object(
  {
    cpo: Type.String({ description: 'As written in CPO IDs', examples: ['NL*ABL'] }),
    emsp: Type.String({ description: 'As written in eMSP IDs', examples: ['NL-ABL'] }),
  },
  { description: 'The party ID in its two display conventions' },
);

export const HolderSchema = Type.Object(
  {
    name: Type.String({ description: 'Legal name', examples: ['Abel & Co'] }),
    tradingName: nullable(Type.String({ description: 'Trading name, when it differs' })),
    country: nullable(
      Type.String({ description: 'Country of the legal seat (ISO 3166-1), when known' }),
    ),
    website: nullable(Type.String({ examples: ['https://www.abelenco.nl'] })),
  },
  { description: 'The organisation holding the code; never personal data' },
);

export const PartySchema = Type.Object(
  {
    id: Type.String({ description: 'Compact party ID, upper case', examples: ['NLABL'] }),
    countryCode: Type.String({ description: 'ISO 3166-1 alpha-2', examples: ['NL'] }),
    partyId: Type.String({ description: 'The three-character code', examples: ['ABL'] }),
    display: PartyDisplaySchema,
    roles: Type.Array(RoleSchema, { description: 'Roles the code serves, sorted' }),
    status: StatusSchema,
    inForce: Type.Boolean({
      description: 'True while active: IDs built on this code are valid for use',
    }),
    validFrom: nullable(dateTime('Start of validity; null when not recorded')),
    validTo: nullable(dateTime('End of validity; null while open-ended')),
    successor: nullable(
      Type.String({
        description: 'Compact ID of the code that replaces this one after a rename or merger',
        examples: ['NLXYZ'],
      }),
    ),
    holder: HolderSchema,
    updatedAt: dateTime('Last change to this record'),
    links: Type.Object({
      self: Type.String({
        description: 'This party in the API',
        examples: ['/api/v1/parties/NL/ABL'],
      }),
      html: Type.String({
        description:
          'Its page in English; replace `en` with `fr`, `nl` or `de` for another language',
        examples: ['/en/register/NL/ABL'],
      }),
    }),
  },
  { title: 'Party', description: 'One party code of the register and its holder' },
);
export type PartyView = Static<typeof PartySchema>;

export const HistoryEventSchema = Type.Object(
  {
    sequence: Type.Integer({
      minimum: 1,
      description: 'Position in the change feed (`GET /changes?after=`)',
    }),
    type: stringEnum(EVENT_TYPES, { description: 'What happened' }),
    at: dateTime('When it took effect'),
    fromStatus: nullable(stringEnum(CODE_STATUSES, { description: 'Status before, if changed' })),
    toStatus: nullable(stringEnum(CODE_STATUSES, { description: 'Status after, if changed' })),
    reason: nullable(Type.String({ description: 'Public reason; never personal data' })),
    reasonCode: nullable(
      stringEnum(PUBLIC_REASONS, {
        description:
          'For changes made by the registry: the public reason as a stable code from a fixed list (`reason` says it in English)',
      }),
    ),
  },
  { title: 'HistoryEvent' },
);
export type HistoryEventView = Static<typeof HistoryEventSchema>;

export const PartyDetailSchema = Type.Object(
  {
    ...PartySchema.properties,
    history: Type.Array(HistoryEventSchema, { description: 'Public history, oldest first' }),
  },
  { title: 'PartyDetail', description: 'A party code with its public history' },
);

export const PartyListSchema = Type.Object(
  {
    parties: Type.Array(PartySchema, { description: 'In party ID order' }),
    nextCursor: nullable(
      Type.String({ description: 'Pass as `cursor` for the next page; null on the last page' }),
    ),
    links: Type.Object({
      self: Type.String({ examples: ['/api/v1/parties?country=BE&limit=50'] }),
      next: nullable(Type.String({ description: 'The next page, also sent as `Link: rel=next`' })),
    }),
  },
  { title: 'PartyList' },
);

export const PartyListQuerySchema = Type.Object({
  country: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z]{2}$',
      description: 'Country code (any case)',
      examples: ['BE'],
    }),
  ),
  role: Type.Optional(stringEnum(ROLES, { description: 'Codes serving this role' })),
  status: Type.Optional(stringEnum(CODE_STATUSES, { description: 'Codes in this status' })),
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description:
        'Words searched in holder names and party IDs (`NL*ABL`, `nl-abl`, `NLABL`), accent- and case-insensitively; every word must match',
      examples: ['electrique'],
    }),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Page size' }),
  ),
  cursor: Type.Optional(
    Type.String({ maxLength: 200, description: 'Opaque: the `nextCursor` of the previous page' }),
  ),
});

export const PartyParamsSchema = Type.Object({
  countryCode: Type.String({
    pattern: '^[A-Za-z]{2}$',
    description: 'ISO 3166-1 alpha-2 (any case)',
    examples: ['NL'],
  }),
  partyId: Type.String({
    pattern: '^[A-Za-z0-9]{3}$',
    description: 'Three letters or digits (any case)',
    examples: ['ABL'],
  }),
});
