import type { CodeStatus } from '../../domain/register/code-status.ts';
import {
  BENELUX_EXPORT_HEADER,
  BENELUX_EXPORT_JOIN,
  BENELUX_EXPORT_NONE,
} from './benelux-export-format.ts';
import type { HolderWithCodes, PartyRecord, RegisterVersion } from './models.ts';
import type { RegisterReader } from './ports.ts';
import { REGISTER_LICENCE } from './register-licence.ts';

/** The Benelux CSV lists what is in force, as the public register always has. */
const CSV_STATUSES: readonly CodeStatus[] = ['active'];

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** Quotes like the original export: IDs and names quoted, `/` and the website bare when safe. */
function cell(value: string, alwaysQuote: boolean): string {
  if (value === BENELUX_EXPORT_NONE) return value;
  return alwaysQuote || /[",\r\n]/.test(value) ? quote(value) : value;
}

function idsCell(codes: readonly PartyRecord[], isOperator: boolean): string {
  const ids = codes
    .filter((c) => (isOperator ? c.roles.some((r) => r !== 'EMSP') : c.roles.includes('EMSP')))
    .map((c) => `${c.country}${isOperator ? '*' : '-'}${c.code}`);
  return ids.length === 0 ? BENELUX_EXPORT_NONE : ids.join(BENELUX_EXPORT_JOIN);
}

function websiteCell(website: string | null): string {
  return website === null ? '' : website.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export function csvRow({ holder, codes }: HolderWithCodes): string {
  return [
    cell(holder.legalName, true),
    cell(idsCell(codes, true), true),
    cell(idsCell(codes, false), true),
    cell(websiteCell(holder.website), false),
  ].join(',');
}

/**
 * The register in the exact layout of the public Benelux export, one company per row, so that
 * existing consumers keep working. Streamed: memory stays flat at any size.
 */
export async function* registerCsv(reader: RegisterReader): AsyncIterable<string> {
  yield `${BENELUX_EXPORT_HEADER.slice(0, 3).map(quote).join(',')},${BENELUX_EXPORT_HEADER[3]}\r\n`;
  for await (const holder of reader.streamByHolder(CSV_STATUSES)) yield `${csvRow(holder)}\r\n`;
}

/** How an interface publishes one record; the record itself by default. */
export type RecordPresenter = (record: PartyRecord) => unknown;
const asIs: RecordPresenter = (record) => record;

/** One JSON object per code, every status, full fields. */
export async function* registerNdjson(
  reader: RegisterReader,
  present: RecordPresenter = asIs,
): AsyncIterable<string> {
  for await (const record of reader.streamParties()) yield `${JSON.stringify(present(record))}\n`;
}

/** `{ "generatedAt", "version", "parties": [...] }`, streamed. */
export async function* registerJson(
  reader: RegisterReader,
  version: RegisterVersion,
  generatedAt: string,
  present: RecordPresenter = asIs,
): AsyncIterable<string> {
  const head = { generatedAt, lastChange: version.lastEventId, licence: REGISTER_LICENCE };
  yield `${JSON.stringify(head).slice(0, -1)},"parties":[`;
  let first = true;
  for await (const record of reader.streamParties()) {
    yield `${first ? '' : ','}\n${JSON.stringify(present(record))}`;
    first = false;
  }
  yield '\n]}\n';
}

/** A short, stable digest of a mark, to keep ETags compact and opaque. */
function hashMark(mark: string): string {
  let h = 2166136261;
  for (let i = 0; i < mark.length; i += 1) h = Math.imul(h ^ mark.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export interface Validators {
  readonly etag: string;
  readonly lastModified: Date | null;
}

/** Conditional-request validators: they change exactly when the published register does. */
export function exportValidators(version: RegisterVersion, variant: string): Validators {
  return {
    etag: `W/"${variant}-${version.lastEventId}-${hashMark(version.federatedMark)}"`,
    lastModified: version.lastModified === null ? null : new Date(version.lastModified),
  };
}
