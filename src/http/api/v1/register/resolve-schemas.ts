import { Type, type Static } from 'typebox';
import { RESOLVABLE_KINDS } from '../../../../app/register/resolve-id.ts';
import { ID_TYPE_CHARACTERS } from '../../../../domain/emobility-id/index.ts';
import { nullable, PartyDisplaySchema, PartySchema, stringEnum } from './schemas.ts';

export const ResolveParamsSchema = Type.Object({
  id: Type.String({
    description:
      'Any e-mobility ID in any accepted spelling and case: party (`NL*ABL`, `NL-ABL`, `NLABL`), EVSE (`NL*ABL*E12345*1`), pool, station, or contract ID / eMAID (`NL-ABL-C12345678-9`)',
    examples: ['NL*ABL*E12345*1'],
  }),
});

/** What `include` may ask for beyond the default answer. */
export const RESOLVE_INCLUDES = ['federated'] as const;

export const ResolveQuerySchema = Type.Object({
  kind: Type.Optional(
    stringEnum(RESOLVABLE_KINDS, {
      description: 'Read the ID as this kind instead of detecting it from its shape',
    }),
  ),
  include: Type.Optional(
    stringEnum(RESOLVE_INCLUDES, {
      description:
        '`federated`: also say what other registers say about the prefix when this register holds it (when it does not, the answer always says so)',
    }),
  ),
});
export type ResolveQuery = Static<typeof ResolveQuerySchema>;

const ParsedIdSchema = Type.Object(
  {
    input: Type.String({ description: 'The ID exactly as received' }),
    kind: stringEnum(RESOLVABLE_KINDS, { description: 'The kind given or detected' }),
    detected: Type.Boolean({ description: 'True when the kind was detected from the shape' }),
    normalized: Type.String({
      description: 'Upper case, separators removed; an eMAID gets its check character',
      examples: ['NLABLE123451'],
    }),
    checkDigit: Type.Optional(Type.String({ description: 'eMAID: the check character' })),
    parts: Type.Object(
      {
        country: Type.String({ examples: ['NL'] }),
        partyCode: Type.String({ examples: ['ABL'] }),
        type: Type.Optional(
          stringEnum(ID_TYPE_CHARACTERS, { description: 'Type character; absent for a party' }),
        ),
        instance: Type.Optional(
          Type.String({ description: 'What follows the type character', examples: ['12345*1'] }),
        ),
        checkCharacter: Type.Optional(Type.String({ description: 'eMAID check character' })),
      },
      { description: 'Upper case' },
    ),
  },
  { description: 'The identifier as parsed by the validator (`GET /validate`)' },
);

const SourceSchema = Type.Object(
  {
    dataset: Type.String({
      description: 'The dataset it was imported from, with its version',
      examples: ['Open IDRO Directory, data/registry.csv at f52cb90 (2026-06-29)'],
    }),
    url: nullable(Type.String({ description: 'Where the register publishes it' })),
    recordId: nullable(Type.String({ description: "The record's id in that register" })),
    value: nullable(Type.String({ description: 'The value as that register wrote it' })),
    retrievedAt: Type.String({ format: 'date-time', description: 'When it was retrieved' }),
    firstSeenAt: nullable(Type.String({ format: 'date-time' })),
    lastSeenAt: nullable(Type.String({ format: 'date-time' })),
    importedAt: Type.String({ format: 'date-time', description: 'When we imported it' }),
  },
  { description: 'Provenance: where this record comes from and when' },
);

export const FederatedSchema = Type.Object(
  {
    registry: Type.String({ description: 'The other register', examples: ['de-bdew'] }),
    official: Type.Boolean({ description: 'The official register for that country' }),
    countryCode: Type.String({ examples: ['DE'] }),
    partyId: Type.String({ examples: ['000'] }),
    role: Type.String({ description: 'As that register names it', examples: ['CPO'] }),
    status: Type.String({ description: 'As that register states it', examples: ['ACTIVE'] }),
    name: nullable(Type.String({ description: 'Organisation name' })),
    legalName: nullable(Type.String()),
    website: nullable(Type.String()),
    source: SourceSchema,
  },
  {
    title: 'FederatedRecord',
    description: 'What another register says about a prefix; not checked by this register',
  },
);
export type FederatedView = Static<typeof FederatedSchema>;

export const ResolutionSchema = Type.Object(
  {
    id: ParsedIdSchema,
    prefix: Type.Object(
      {
        id: Type.String({ description: 'Compact party ID', examples: ['NLABL'] }),
        countryCode: Type.String({ examples: ['NL'] }),
        partyId: Type.String({ examples: ['ABL'] }),
        display: PartyDisplaySchema,
      },
      { description: 'The party prefix the ID is built on' },
    ),
    issuedByThisRegister: Type.Boolean({
      description: 'The prefix is of a country this register issues codes for (BE, NL, LU)',
    }),
    registered: Type.Boolean({ description: 'This register holds the prefix, in any status' }),
    inForce: Type.Boolean({
      description: 'Held here and active: the ID is built on a valid prefix',
    }),
    party: nullable({
      ...PartySchema,
      description: 'The prefix in this register, or null when it is not held here',
    }),
    reserved: nullable(
      Type.Object(
        { reason: Type.String() },
        { description: 'On the published list of reserved codes, and why; else null' },
      ),
    ),
    federated: Type.Optional(
      Type.Array(FederatedSchema, {
        description:
          'What other registers say about the prefix, newest retrieval first. Present when this register does not hold the prefix (`registered: false`), or when asked for with `include=federated`; absent otherwise',
      }),
    ),
  },
  {
    title: 'Resolution',
    description: 'Who holds the prefix of an e-mobility ID, and whether it is in force',
  },
);
export type ResolutionView = Static<typeof ResolutionSchema>;
