import type { BulkItem, LineError } from '../../../../app/validate-id-lines.ts';
import type { ValidationRecord } from '../../../../app/validation-record.ts';
import type { IdParts } from '../../../../domain/emobility-id/index.ts';

/*
 * Hand-written JSON for the bulk answer, where JSON.stringify was most of the cost per line.
 * Only `input` can hold arbitrary text and goes through JSON.stringify; every other string is
 * produced by the identifier library from letters, digits and `*` (kinds, reasons, normalised
 * forms, parts), which JSON writes as they are. The output equals JSON.stringify(record),
 * field order included (record-json.test.ts holds it to that).
 */

function partsJson(parts: IdParts): string {
  let json = `{"country":"${parts.country}","partyCode":"${parts.partyCode}"`;
  if (parts.type !== undefined) json += `,"type":"${parts.type}"`;
  if (parts.instance !== undefined) json += `,"instance":"${parts.instance}"`;
  if (parts.checkCharacter !== undefined) json += `,"checkCharacter":"${parts.checkCharacter}"`;
  return `${json}}`;
}

export function recordJson(record: ValidationRecord): string {
  let json = `{"input":${JSON.stringify(record.input)},"valid":${String(record.valid)},"kind":"${record.kind}","detected":${String(record.detected)}`;
  if (record.normalized !== undefined) json += `,"normalized":"${record.normalized}"`;
  if (record.checkDigit !== undefined) json += `,"checkDigit":"${record.checkDigit}"`;
  if (record.reason !== undefined) json += `,"reason":"${record.reason}"`;
  if (record.position !== undefined) json += `,"position":${record.position}`;
  return `${json},"parts":${record.parts === null ? 'null' : partsJson(record.parts)}}`;
}

function isLineError(item: BulkItem): item is LineError {
  return 'line' in item;
}

/** One NDJSON line per item. */
export function itemsToNdjson(items: readonly BulkItem[]): string {
  let text = '';
  for (const item of items)
    text += `${isLineError(item) ? JSON.stringify(item) : recordJson(item)}\n`;
  return text;
}
