import { Type } from 'typebox';
import {
  LINE_ERROR_INPUT_LENGTH,
  LINE_ERROR_REASONS,
  MAX_LINE_LENGTH,
} from '../../../../app/validate-id-lines.ts';
import { ID_KINDS, ID_TYPE_CHARACTERS, REASONS } from '../../../../domain/emobility-id/index.ts';
import { ProblemSchema } from '../../../problem.ts';

export const KindSchema = Type.Enum(ID_KINDS, {
  description:
    'Identifier kind: `party` (operator or provider ID, `NL*TNM`), `evse`, `pool` and `station` (`NL*TNM*E12345`, `…*P…`, `…*S…`), `emaid` (contract ID, `NL-TNM-C00122045-K`) or `checkdigit` (a bare 14-character eMAID payload whose check character is computed).',
});

export const ReasonSchema = Type.Enum(REASONS, {
  description: 'Why the identifier is invalid; a closed set of stable codes (rule order G-6).',
});

export const PartsSchema = Type.Object(
  {
    country: Type.String({ description: 'ISO 3166-1 alpha-2 country code', examples: ['NL'] }),
    partyCode: Type.String({ description: 'Three-character party code', examples: ['TNM'] }),
    type: Type.Optional(
      Type.Enum(ID_TYPE_CHARACTERS, { description: 'Type character; absent for a party ID' }),
    ),
    instance: Type.Optional(
      Type.String({
        description: 'What follows the type character, upper case, internal `*` kept',
        examples: ['12345*1'],
      }),
    ),
    checkCharacter: Type.Optional(
      Type.String({ description: 'eMAID check character (computed when the input had none)' }),
    ),
  },
  { title: 'IdParts', description: 'The parsed parts of a valid identifier, upper case' },
);

export const ValidationRecordSchema = Type.Object(
  {
    input: Type.String({ description: 'The identifier exactly as received' }),
    valid: Type.Boolean(),
    kind: KindSchema,
    detected: Type.Boolean({
      description: 'True when no kind was given and it was detected from the shape of the input',
    }),
    normalized: Type.Optional(
      Type.String({
        description:
          'Valid only: upper case, separators removed; for an eMAID the check character is appended when missing',
      }),
    ),
    checkDigit: Type.Optional(
      Type.String({
        description: 'eMAID and checkdigit: the computed check character (also on a mismatch)',
      }),
    ),
    reason: Type.Optional(ReasonSchema),
    position: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          'Invalid only, when one character is to blame: its zero-based index (UTF-16 code unit) in `input`',
      }),
    ),
    parts: Type.Union([PartsSchema, Type.Null()], { description: 'Valid only; otherwise null' }),
  },
  {
    title: 'ValidationRecord',
    description: 'The verdict for one identifier',
    examples: [
      {
        input: 'nl-tnm-c00122045',
        valid: true,
        kind: 'emaid',
        detected: true,
        normalized: 'NLTNMC00122045K',
        checkDigit: 'K',
        parts: {
          country: 'NL',
          partyCode: 'TNM',
          type: 'C',
          instance: '00122045',
          checkCharacter: 'K',
        },
      },
      {
        input: 'NL-TNM-C00122045-X',
        valid: false,
        kind: 'emaid',
        detected: true,
        checkDigit: 'K',
        reason: 'check_digit_mismatch',
        position: 17,
        parts: null,
      },
    ],
  },
);

export const LineErrorSchema = Type.Object(
  {
    line: Type.Integer({ minimum: 1, description: 'One-based line number in the request body' }),
    valid: Type.Literal(false),
    reason: Type.Enum(LINE_ERROR_REASONS, {
      description: `\`bad_json_line\`: an NDJSON line that is not JSON, or not a string or an object with a string \`id\` and an optional known \`kind\`. \`line_too_long\`: a line over ${MAX_LINE_LENGTH} characters.`,
    }),
    input: Type.String({
      description: `The start of the line as received, at most ${LINE_ERROR_INPUT_LENGTH} characters`,
    }),
  },
  {
    title: 'LineError',
    description: 'Stands in for a line that could not be read as an identifier',
    examples: [{ line: 3, valid: false, reason: 'bad_json_line', input: '{"id": 42}' }],
  },
);

const countsOf = (keys: readonly string[], description: string) =>
  Type.Object(
    Object.fromEntries(keys.map((key) => [key, Type.Optional(Type.Integer({ minimum: 1 }))])),
    { description },
  );

export const ValidationSummarySchema = Type.Object(
  {
    total: Type.Integer({
      minimum: 0,
      description: 'Identifiers validated (line errors excluded)',
    }),
    valid: Type.Integer({ minimum: 0 }),
    invalid: Type.Integer({ minimum: 0 }),
    byKind: countsOf(ID_KINDS, 'Identifiers per kind (given or detected); absent kinds are 0'),
    byReason: countsOf(REASONS, 'Invalid identifiers per reason; absent reasons are 0'),
  },
  { title: 'ValidationSummary' },
);

export const SummaryLineSchema = Type.Object(
  {
    summary: ValidationSummarySchema,
    badLines: Type.Integer({ minimum: 0, description: 'Lines answered with a LineError' }),
  },
  { title: 'SummaryLine', description: 'The last line of a complete answer' },
);

export const ErrorLineSchema = Type.Object(
  { error: ProblemSchema },
  {
    title: 'ErrorLine',
    description:
      'The last line when the run stopped early (a chunked body over the size limit: code `payload_too_large`); no summary follows',
  },
);

export const NdjsonLineSchema = Type.Union(
  [ValidationRecordSchema, LineErrorSchema, SummaryLineSchema, ErrorLineSchema],
  { description: 'One JSON value per line (NDJSON)' },
);

export const ValidateQuerySchema = Type.Object({
  id: Type.String({
    description: 'The identifier to check, exactly as written (it is not trimmed)',
    examples: ['NL*TNM*E12345*1'],
  }),
  kind: Type.Optional(KindSchema),
});

export const BulkQuerySchema = Type.Object({
  kind: Type.Optional(KindSchema),
});
