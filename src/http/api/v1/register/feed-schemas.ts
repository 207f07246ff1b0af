import { Type, type Static } from 'typebox';
import { CHANGES_PAGE } from '../../../../app/register/list-changes.ts';
import { HistoryEventSchema, PartySchema } from './schemas.ts';

export const ChangeSchema = Type.Object(
  {
    ...HistoryEventSchema.properties,
    party: { ...PartySchema, description: "The party's public record right after the change" },
  },
  { title: 'Change', description: 'One change to the public register' },
);
export type ChangeView = Static<typeof ChangeSchema>;

export const ChangePageSchema = Type.Object(
  {
    changes: Type.Array(ChangeSchema, { description: 'Oldest first' }),
    nextCursor: Type.String({
      description:
        'Pass as `after` next time: the sequence of the last change here, or the given cursor when there was none',
      examples: ['1042'],
    }),
    hasMore: Type.Boolean({ description: 'More changes are waiting: ask again at once' }),
  },
  { title: 'ChangePage' },
);

export const ChangesQuerySchema = Type.Object({
  after: Type.Optional(
    Type.String({
      pattern: '^[0-9]{0,15}$',
      description:
        'Cursor: the sequence of the last change already applied; empty or 0 from the start',
      examples: ['0'],
    }),
  ),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: CHANGES_PAGE,
      default: CHANGES_PAGE,
      description: 'Most changes per page',
    }),
  ),
});

const counts = (description: string, keys: readonly string[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])), {
    description,
  });

export const StatsSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0, description: 'Party codes in the register, any status' }),
    holders: Type.Integer({ minimum: 0, description: 'Organisations holding them' }),
    byCountry: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
      description: 'Codes per country; BE, NL and LU always present',
      examples: [{ BE: 120, LU: 40, NL: 180 }],
    }),
    byRole: counts('Codes per role (a code may serve several)', ['CPO', 'EMSP', 'LOCATION_OWNER']),
    byStatus: counts('Codes per status', ['reserved', 'active', 'suspended', 'withdrawn']),
    registrationsByMonth: Type.Array(
      Type.Object({
        month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', examples: ['2024-03'] }),
        count: Type.Integer({ minimum: 0 }),
      }),
      { description: 'Codes by month of their start of validity, oldest first' },
    ),
    registrationDateUnknown: Type.Integer({
      minimum: 0,
      description: 'Codes whose start of validity is not recorded (e.g. imported ones)',
    }),
  },
  { title: 'RegisterStats' },
);
export type StatsView = Static<typeof StatsSchema>;

export const RegisterJsonSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    lastChange: Type.Integer({
      minimum: 0,
      description:
        'Sequence of the last change included: follow `GET /changes?after=` from here to stay in sync',
    }),
    licence: Type.Object({
      id: Type.String({ examples: ['CC-BY-4.0'] }),
      name: Type.String(),
      url: Type.String(),
      attribution: Type.String(),
    }),
    parties: Type.Array(PartySchema, { description: 'Every code, any status, in ID order' }),
  },
  { title: 'RegisterExport' },
);
