import type { ValidationRecord } from './validation-record.ts';
import type { IdParts } from '../domain/emobility-id/index.ts';

/**
 * `JSON.stringify(record)`, character for character (record-json.test.ts holds it to that), but
 * written out for the record's known shape: on a bulk run of millions of IDs the generic
 * serialiser was the largest cost of `--json`. `kind`, `reason` and `type` come from closed sets
 * of plain words and need no escaping; every other string goes through `jsonString`.
 */
export function recordJson(record: ValidationRecord): string {
  let json = `{"input":${jsonString(record.input)},"valid":${record.valid},"kind":"${record.kind}"`;
  json += `,"detected":${record.detected}`;
  if (record.normalized !== undefined) json += `,"normalized":${jsonString(record.normalized)}`;
  if (record.checkDigit !== undefined) json += `,"checkDigit":${jsonString(record.checkDigit)}`;
  if (record.reason !== undefined) json += `,"reason":"${record.reason}"`;
  if (record.position !== undefined) json += `,"position":${record.position}`;
  return `${json},"parts":${record.parts === null ? 'null' : partsJson(record.parts)}}`;
}

function partsJson(parts: IdParts): string {
  let json = `{"country":${jsonString(parts.country)},"partyCode":${jsonString(parts.partyCode)}`;
  if (parts.type !== undefined) json += `,"type":"${parts.type}"`;
  if (parts.instance !== undefined) json += `,"instance":${jsonString(parts.instance)}`;
  if (parts.checkCharacter !== undefined) {
    json += `,"checkCharacter":${jsonString(parts.checkCharacter)}`;
  }
  return `${json}}`;
}

/** Quotes a string; only one that needs escaping pays for JSON.stringify. */
function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}
