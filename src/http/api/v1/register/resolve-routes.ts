import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { PrefixLookup } from '../../../../app/register/prefix-lookup.ts';
import {
  resolveId,
  type Resolution,
  type ResolvedPrefix,
} from '../../../../app/register/resolve-id.ts';
import type { ValidationRecord } from '../../../../app/validation-record.ts';
import {
  ID_KINDS,
  ID_TYPE_CHARACTERS,
  type IdKind,
  type IdTypeCharacter,
} from '../../../../domain/emobility-id/index.ts';
import { problemResponses } from '../../../problem.ts';
import { LOOKUP_CACHE, withHeaders } from './conditional.ts';
import { presentResolution } from './presenters.ts';
import {
  ResolutionSchema,
  ResolveParamsSchema,
  ResolveQuerySchema,
  type ResolveQuery,
} from './resolve-schemas.ts';

const DESCRIPTION = `Accepts any e-mobility ID (party, EVSE, pool, station, contract ID / eMAID) in any accepted spelling and case, and answers with the parsed ID, its party prefix, whether this register holds the prefix and in which status, and the holder and roles. When this register does not hold the prefix, the answer also says what other registers (federated from their published data) say about it, each with its source and retrieval date; \`include=federated\` asks for that in every answer. An unknown but well-formed prefix is a 200 with \`registered: false\`. Invalid syntax is a 400 \`invalid_id\` problem whose \`reason\` (and \`position\` when one character is to blame) say why, as \`GET /validate\` does.`;

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Whether a string goes into JSON as it is, between quotes (no character needs escaping). */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
  }
  return true;
}

/** Quotes a string; only one that needs escaping pays for `JSON.stringify`. */
const jsonString = (text: string) => (isPlain(text) ? `"${text}"` : JSON.stringify(text));

/**
 * The parsed ID as `ResolutionSchema` writes it, as the answer's first member: `{"id":{…}}`,
 * the answer's opening brace included, the closing one left to the rest. Any ID, any input.
 */
function anyIdMember(id: ValidationRecord, prefix: ResolvedPrefix): string {
  const parts = id.parts ?? { country: prefix.country, partyCode: prefix.partyCode };
  let json = `{"id":{"input":${jsonString(id.input)},"kind":"${id.kind}","detected":${id.detected}`;
  json += `,"normalized":${jsonString(id.normalized ?? prefix.key)}`;
  if (id.checkDigit !== undefined) json += `,"checkDigit":${jsonString(id.checkDigit)}`;
  json += `,"parts":{"country":${jsonString(parts.country)},"partyCode":${jsonString(parts.partyCode)}`;
  if (parts.type !== undefined) json += `,"type":"${parts.type}"`;
  if (parts.instance !== undefined) json += `,"instance":${jsonString(parts.instance)}`;
  if (parts.checkCharacter !== undefined) {
    json += `,"checkCharacter":${jsonString(parts.checkCharacter)}`;
  }
  return `${json}}}`;
}

/** What follows the input in the parsed ID, up to the normalised form, per kind: made once. */
const afterInput = (detected: boolean) =>
  Object.fromEntries(
    ID_KINDS.map((kind) => [kind, `","kind":"${kind}","detected":${detected},"normalized":"`]),
  ) as Record<IdKind, string>;
const AFTER_INPUT = { detected: afterInput(true), given: afterInput(false) };

/** What opens the instance, per type character (each kind with a type has an instance). */
const BEFORE_INSTANCE = Object.fromEntries(
  ID_TYPE_CHARACTERS.map((type) => [type, `,"type":"${type}","instance":"`]),
) as Record<IdTypeCharacter, string>;

/**
 * The ID's parts when the ID has the usual shape, else undefined. Usual means: no string that
 * needs escaping, parts on the resolution's own prefix, and an instance exactly where there is a
 * type.
 */
function usualParts(id: ValidationRecord, prefix: ResolvedPrefix, normalized: string) {
  const { parts, checkDigit } = id;
  if (parts?.country !== prefix.country || parts.partyCode !== prefix.partyCode) return undefined;
  const { type, instance, checkCharacter } = parts;
  const usual =
    isPlain(id.input) &&
    isPlain(normalized) &&
    (checkDigit === undefined || isPlain(checkDigit)) &&
    (type === undefined) === (instance === undefined) &&
    (instance === undefined || isPlain(instance)) &&
    (checkCharacter === undefined || isPlain(checkCharacter));
  return usual ? parts : undefined;
}

/**
 * `anyIdMember`'s text for an ID of the usual shape (`usualParts`), put together from a few
 * pieces instead of some thirty: every piece is a string to join, and every join a piece to copy
 * again when the answer is written. The pieces that do not depend on the input are made once (per
 * kind, per type, per prefix). Any other ID is written by `anyIdMember`.
 */
function idMember(id: ValidationRecord, prefix: ResolvedPrefix, prefixParts: string): string {
  const { input, checkDigit } = id;
  const normalized = id.normalized ?? prefix.key;
  const parts = usualParts(id, prefix, normalized);
  if (parts === undefined) return anyIdMember(id, prefix);
  const { type, instance, checkCharacter } = parts;
  let json = '{"id":{"input":"' + input + AFTER_INPUT[id.detected ? 'detected' : 'given'][id.kind];
  json += checkDigit === undefined ? normalized : normalized + '","checkDigit":"' + checkDigit;
  json += prefixParts;
  if (type !== undefined && instance !== undefined) {
    json += BEFORE_INSTANCE[type] + instance + '"';
  }
  if (checkCharacter === undefined) return json + '}}';
  return json + ',"checkCharacter":"' + checkCharacter + '"}}';
}

/** A serialised part of an answer: every member after `id`, without the braces. */
interface Part {
  readonly text: string;
  /**
   * `,${text}}`, the answer's end, as its UTF-8 bytes one character per byte (`latin1`): made
   * when first asked for.
   */
  endBytes?: string;
}

/** A string as its UTF-8 bytes, one character per byte: written as `latin1`, it is those bytes. */
const utf8Bytes = (text: string) => Buffer.from(text).toString('latin1');

/** Whether every character is ASCII (UTF-8 takes one byte for each); a loop, cheaper than a regex. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

interface PrefixJson {
  /** The parsed ID's parts that come from the prefix: `","parts":{"country":…,"partyCode":…`. */
  readonly idParts: string;
  /** The rest of the answer, without `federated`. */
  readonly plain: Part;
  /** The same with `federated`, made when first asked for. */
  withFederated?: Part;
}

/**
 * Everything in an answer but the parsed ID depends on the prefix alone, so it is serialised once
 * per prefix and kept on `Resolution.prefix`, one object for as long as the lookup keeps the
 * prefix's facts: a change to the register empties the lookup, and with it these. Kept under this
 * module's own symbol, which is read at once, where a `WeakMap` would hash the object first.
 */
const JSON_PARTS = Symbol('prefix JSON');
type PrefixWithJson = ResolvedPrefix & { [JSON_PARTS]?: PrefixJson };

function prefixJson(r: Resolution): PrefixJson {
  const prefix: PrefixWithJson = r.prefix;
  let cached = prefix[JSON_PARTS];
  if (cached === undefined) {
    const { id, federated, ...rest } = presentResolution(r);
    const country = JSON.stringify(prefix.country);
    cached = {
      idParts: `","parts":{"country":${country},"partyCode":${JSON.stringify(prefix.partyCode)}`,
      plain: { text: JSON.stringify(rest).slice(1, -1) },
    };
    prefix[JSON_PARTS] = cached;
  }
  return cached;
}

function tailOf(r: Resolution, cached: PrefixJson, query: ResolveQuery): Part {
  if (query.include !== 'federated' && r.registered) return cached.plain;
  cached.withFederated ??= {
    text: `${cached.plain.text},"federated":${JSON.stringify(presentResolution(r).federated)}`,
  };
  return cached.withFederated;
}

/** The answer of `GET /resolve/{id}`, as `ResolutionSchema` describes it. */
export function resolutionJson(r: Resolution, query: ResolveQuery = {}): string {
  const cached = prefixJson(r);
  return `${idMember(r.id, r.prefix, cached.idParts)},${tailOf(r, cached, query).text}}`;
}

/**
 * The answer without a query, as `resolutionJson` writes it, as its UTF-8 bytes one character per
 * byte: written as `latin1` it is copied, not encoded, and its length is its byte count. The
 * prefix's part is turned into bytes once per prefix. The parsed ID's part is written from the
 * input alone, and a valid ID is printable ASCII, so that part is ASCII whenever the input is.
 * The input is what is tested: a flat string of a few characters, where testing the part just
 * put together would first copy it into one (more than the rest of the answer costs).
 */
export function resolutionAnswer(r: Resolution): string {
  const cached = prefixJson(r);
  const id = idMember(r.id, r.prefix, cached.idParts);
  const tail = tailOf(r, cached, {});
  tail.endBytes ??= utf8Bytes(`,${tail.text}}`);
  return (isAscii(r.id.input) ? id : utf8Bytes(id)) + tail.endBytes;
}

/**
 * Sends the answer as prepared JSON of `ResolutionSchema`'s shape (a string is sent as it is,
 * unserialised); the typed reply only knows the object form.
 */
function sendResolution(reply: FastifyReply, r: Resolution, query: ResolveQuery): never {
  return reply
    .header('cache-control', LOOKUP_CACHE)
    .type(JSON_TYPE)
    .send(resolutionJson(r, query)) as never;
}

/** `GET /resolve/{id}`: the hottest path of the service, so the handler does nothing else. */
export const resolveRoutes: FastifyPluginAsyncTypebox<{ lookup: PrefixLookup }> = (
  app,
  { lookup },
) => {
  app.get(
    '/resolve/:id',
    {
      schema: {
        tags: ['register'],
        operationId: 'resolveId',
        summary: 'Who holds the prefix of any e-mobility ID',
        description: DESCRIPTION,
        params: ResolveParamsSchema,
        querystring: ResolveQuerySchema,
        response: {
          200: withHeaders(ResolutionSchema, {
            'cache-control': { type: 'string', description: LOOKUP_CACHE },
          }),
          ...problemResponses('invalid_id', 'validation_failed'),
        },
      },
    },
    (request, reply) => {
      const { query } = request;
      const resolved = resolveId(lookup, request.params.id, query.kind);
      // Usually at hand: answered at once, without a promise or a closure.
      if (!(resolved instanceof Promise)) return void sendResolution(reply, resolved, query);
      return resolved.then((r) => sendResolution(reply, r, query));
    },
  );
  return Promise.resolve();
};
