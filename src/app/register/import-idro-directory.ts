import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { validateId } from '../../domain/emobility-id/index.ts';
import type { AuditActor } from '../audit/ports.ts';
import type { Clock } from '../ports.ts';
import type { ImportAnomaly } from './import-anomaly.ts';
import type { FederatedRecord } from './models.ts';
import type { RegisterStore } from './ports.ts';

const COLUMNS = [
  'countryCode',
  'partyId',
  'role',
  'status',
  'organizationName',
  'legalName',
  'website',
  'registryId',
  'official',
  'sourceRecordId',
  'sourceUrl',
  'sourceValue',
  'firstSeenAt',
  'lastSeenAt',
  'retrievedAt',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Readonly<Record<Column, string | undefined>>;

export interface DirectoryImportSummary {
  readonly source: string;
  readonly dataset: string;
  readonly sha256: string;
  readonly records: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly registries: Readonly<Record<string, number>>;
  readonly anomalies: readonly ImportAnomaly[];
}

export class DirectoryFormatError extends Error {}

const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

function toRecord(
  row: Row,
  line: number,
  dataset: string,
  importedAt: string,
  anomalies: ImportAnomaly[],
): FederatedRecord | null {
  const skip = (code: string, message: string, value?: string): null => {
    anomalies.push({ line, code, message, ...(value === undefined ? {} : { value }) });
    return null;
  };
  const id = `${row.countryCode ?? ''}${row.partyId ?? ''}`;
  const parsed = validateId(id, 'party');
  if (!parsed.valid || parsed.parts === undefined)
    return skip(
      'invalid_party_id',
      `not a party ID (${parsed.valid ? '' : parsed.reason}); skipped`,
      id,
    );
  const registryId = orNull(row.registryId);
  if (registryId === null) return skip('missing_registry', 'no registry named; skipped');
  const role = (row.role ?? '').trim().toUpperCase();
  if (role !== 'CPO' && role !== 'EMSP')
    return skip('unknown_role', 'role is neither CPO nor EMSP; skipped', row.role);
  const retrievedAt = orNull(row.retrievedAt);
  if (retrievedAt === null) return skip('missing_retrieval_date', 'no retrieval date; skipped');
  return {
    registryId,
    country: parsed.parts.country,
    code: parsed.parts.partyCode,
    role,
    status: (row.status ?? 'UNKNOWN').trim().toUpperCase() || 'UNKNOWN',
    organizationName: orNull(row.organizationName),
    legalName: orNull(row.legalName),
    website: orNull(row.website),
    official: row.official === 'true',
    sourceRecordId: orNull(row.sourceRecordId),
    sourceUrl: orNull(row.sourceUrl),
    sourceValue: orNull(row.sourceValue),
    firstSeenAt: orNull(row.firstSeenAt),
    lastSeenAt: orNull(row.lastSeenAt),
    retrievedAt,
    dataset,
    importedAt,
  };
}

function parseDirectory(text: string): { row: Row; line: number }[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    columns: true,
    skip_empty_lines: true,
    info: true,
    relax_column_count: true,
  }) as unknown as { record: Row; info: { lines: number } }[];
  const first = rows[0]?.record;
  const missing = first === undefined ? ['all'] : COLUMNS.filter((c) => !(c in first));
  if (missing.length > 0) throw new DirectoryFormatError(`missing columns: ${missing.join(', ')}`);
  return rows.map(({ record, info }) => ({ row: record, line: info.lines }));
}

/**
 * Imports the Open IDRO Directory dataset as federated records: kept apart from the register,
 * each with its registry, source and retrieval date. Idempotent. The audit trail gets one entry
 * for the run (file, hash, dataset and counts): the records are other registers' published data,
 * not holders or codes of this register, and the file's hash pins down exactly what was loaded.
 */
export async function importIdroDirectory(
  text: string,
  source: string,
  dataset: string,
  deps: { store: RegisterStore; clock: Clock; actor: AuditActor },
): Promise<DirectoryImportSummary> {
  const importedAt = deps.clock.now().toISOString();
  const anomalies: ImportAnomaly[] = [];
  const records = parseDirectory(text).flatMap(
    ({ row, line }) => toRecord(row, line, dataset, importedAt, anomalies) ?? [],
  );
  const sha256 = createHash('sha256').update(text).digest('hex');
  const tally = { inserted: 0, updated: 0, unchanged: 0 };
  const registries: Record<string, number> = {};
  await deps.store.transaction(async (w) => {
    for (const record of records) {
      tally[await w.upsertFederated(record)] += 1;
      registries[record.registryId] = (registries[record.registryId] ?? 0) + 1;
    }
    const retrievedAt = records.reduce<string | null>(
      (max, r) => (max === null || r.retrievedAt > max ? r.retrievedAt : max),
      null,
    );
    const summary = { ...tally, anomalies: anomalies.length };
    await w.recordImport({
      kind: 'idro-directory',
      sourceName: source,
      sha256,
      retrievedAt,
      importedAt,
      summary,
    });
    await w.audit({
      at: importedAt,
      actor: deps.actor,
      action: 'import.completed',
      subject: { type: 'import', id: 'idro-directory' },
      reason: `Imported from ${source}.`,
      after: { source, dataset, sha256, records: records.length, ...summary, registries },
    });
  });
  return { source, dataset, sha256, records: records.length, ...tally, registries, anomalies };
}
