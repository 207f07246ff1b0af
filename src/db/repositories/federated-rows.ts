import type { Selectable } from 'kysely';
import type { FederatedRecord } from '../../app/register/models.ts';
import type { FederatedRecordTable } from '../schema.ts';

type Row = Selectable<FederatedRecordTable>;

export function federatedRow(r: FederatedRecord): Row {
  return {
    registry_id: r.registryId,
    country: r.country,
    code: r.code,
    role: r.role,
    status: r.status,
    organization_name: r.organizationName,
    legal_name: r.legalName,
    website: r.website,
    official: r.official ? 1 : 0,
    source_record_id: r.sourceRecordId,
    source_url: r.sourceUrl,
    source_value: r.sourceValue,
    first_seen_at: r.firstSeenAt,
    last_seen_at: r.lastSeenAt,
    retrieved_at: r.retrievedAt,
    dataset: r.dataset,
    imported_at: r.importedAt,
  };
}

export function federatedRecord(row: Row): FederatedRecord {
  return {
    registryId: row.registry_id,
    country: row.country,
    code: row.code,
    role: row.role,
    status: row.status,
    organizationName: row.organization_name,
    legalName: row.legal_name,
    website: row.website,
    official: row.official === 1,
    sourceRecordId: row.source_record_id,
    sourceUrl: row.source_url,
    sourceValue: row.source_value,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    retrievedAt: row.retrieved_at,
    dataset: row.dataset,
    importedAt: row.imported_at,
  };
}

/** Equal apart from when it was imported. */
export function sameFederated(a: Row, b: Row): boolean {
  return (Object.keys(b) as (keyof Row)[]).every((k) => k === 'imported_at' || a[k] === b[k]);
}
