import type { Kysely, Transaction } from 'kysely';
import type { PartyRecord, PublicHolder } from '../../app/register/models.ts';
import type { CodeStatus } from '../../domain/register/code-status.ts';
import type { Role } from '../../domain/register/roles.ts';
import type { Database } from '../schema.ts';

export type Db = Kysely<Database> | Transaction<Database>;

/** The columns every public party record is built from. */
export function selectParties(db: Db) {
  return db
    .selectFrom('party_code as p')
    .innerJoin('holder as h', 'h.id', 'p.holder_id')
    .select([
      'p.key',
      'p.country',
      'p.code',
      'p.status',
      'p.valid_from',
      'p.valid_to',
      'p.successor_key',
      'p.created_at',
      'p.updated_at',
      'h.id as holder_id',
      'h.legal_name',
      'h.trading_name',
      'h.seat_country',
      'h.website',
    ]);
}

type PartyRow = Awaited<ReturnType<ReturnType<typeof selectParties>['execute']>>[number];

function holderOf(row: PartyRow): PublicHolder {
  return {
    id: row.holder_id,
    legalName: row.legal_name,
    tradingName: row.trading_name,
    country: row.seat_country,
    website: row.website,
  };
}

/** Loads the roles of the given codes in one query. */
export async function rolesOf(db: Db, keys: readonly string[]): Promise<Map<string, Role[]>> {
  const roles = new Map<string, Role[]>();
  if (keys.length === 0) return roles;
  const rows = await db
    .selectFrom('party_code_role')
    .select(['code_key', 'role'])
    .where('code_key', 'in', keys)
    .orderBy('code_key')
    .orderBy('role')
    .execute();
  for (const row of rows) {
    const list = roles.get(row.code_key) ?? [];
    list.push(row.role as Role);
    roles.set(row.code_key, list);
  }
  return roles;
}

/** Turns joined rows into public records, with their roles. */
export async function toPartyRecords(db: Db, rows: readonly PartyRow[]): Promise<PartyRecord[]> {
  const roles = await rolesOf(
    db,
    rows.map((r) => r.key),
  );
  return rows.map((row) => ({
    key: row.key,
    country: row.country,
    code: row.code,
    roles: roles.get(row.key) ?? [],
    status: row.status as CodeStatus,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorKey: row.successor_key,
    holder: holderOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function findPartyRecord(db: Db, key: string): Promise<PartyRecord | undefined> {
  const rows = await selectParties(db).where('p.key', '=', key).execute();
  const [record] = await toPartyRecords(db, rows);
  return record;
}
