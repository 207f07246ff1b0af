import type { Kysely } from 'kysely';
import type { AuditDraft } from '../../app/audit/ports.ts';
import type { FederatedRecord, ReservedCode } from '../../app/register/models.ts';
import type {
  CodeRow,
  HolderRow,
  ImportRun,
  NewEvent,
  RegisterStore,
  RegisterWriter,
} from '../../app/register/ports.ts';
import type { CodeStatus } from '../../domain/register/code-status.ts';
import type { Role } from '../../domain/register/roles.ts';
import { foldForSearch, holderSortName } from '../../domain/register/search-text.ts';
import type { Database } from '../schema.ts';
import { appendAudit } from './audit-log.ts';
import { federatedRow, sameFederated } from './federated-rows.ts';
import { findPartyRecord, rolesOf, type Db } from './party-rows.ts';

function holderSearchText(h: HolderRow): string {
  return foldForSearch([h.legalName, h.tradingName ?? ''].join(' '));
}

/** Code spellings (`beabc be*abc be-abc`) and the holder's names, so one search finds either. */
function codeSearchText(key: string, holder: HolderRow | undefined): string {
  const [cc, code] = [key.slice(0, 2), key.slice(2)];
  const names = holder === undefined ? '' : holderSearchText(holder);
  return `${key} ${cc}*${code} ${cc}-${code} ${names}`.toLowerCase();
}

class KyselyRegisterWriter implements RegisterWriter {
  constructor(private readonly db: Db) {}

  private async holderWhere(
    column: 'legal_name' | 'id',
    value: string,
  ): Promise<HolderRow | undefined> {
    const row = await this.db
      .selectFrom('holder')
      .selectAll()
      .where(column, '=', value)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        legalName: row.legal_name,
        tradingName: row.trading_name,
        seatCountry: row.seat_country,
        website: row.website,
        source: row.source,
      }
    );
  }

  findHolderByName(legalName: string): Promise<HolderRow | undefined> {
    return this.holderWhere('legal_name', legalName);
  }

  async insertHolder(h: HolderRow, at: string): Promise<void> {
    await this.db
      .insertInto('holder')
      .values({
        id: h.id,
        legal_name: h.legalName,
        trading_name: h.tradingName,
        seat_country: h.seatCountry,
        website: h.website,
        search_text: holderSearchText(h),
        sort_name: holderSortName(h.legalName),
        source: h.source,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  async updateHolder(h: HolderRow, at: string): Promise<void> {
    await this.db
      .updateTable('holder')
      .set({
        legal_name: h.legalName,
        trading_name: h.tradingName,
        seat_country: h.seatCountry,
        website: h.website,
        search_text: holderSearchText(h),
        sort_name: holderSortName(h.legalName),
        updated_at: at,
      })
      .where('id', '=', h.id)
      .execute();
    const codes = await this.db
      .selectFrom('party_code')
      .select('key')
      .where('holder_id', '=', h.id)
      .execute();
    for (const { key } of codes) {
      await this.db
        .updateTable('party_code')
        .set({ search_text: codeSearchText(key, h), updated_at: at })
        .where('key', '=', key)
        .execute();
    }
  }

  async findCode(key: string): Promise<CodeRow | undefined> {
    const row = await this.db
      .selectFrom('party_code')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const roles = (await rolesOf(this.db, [key])).get(key) ?? [];
    return {
      key,
      country: row.country,
      code: row.code,
      holderId: row.holder_id,
      status: row.status as CodeStatus,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      successorKey: row.successor_key,
      roles,
    };
  }

  private holder(id: string): Promise<HolderRow | undefined> {
    return this.holderWhere('id', id);
  }

  private async setRoles(key: string, roles: readonly Role[], at: string): Promise<void> {
    await this.db
      .deleteFrom('party_code_role')
      .where('code_key', '=', key)
      .where('role', 'not in', roles.length > 0 ? roles : ['-'])
      .execute();
    const present = (await rolesOf(this.db, [key])).get(key) ?? [];
    const missing = roles.filter((r) => !present.includes(r));
    if (missing.length > 0) {
      await this.db
        .insertInto('party_code_role')
        .values(missing.map((role) => ({ code_key: key, role, since: at })))
        .execute();
    }
  }

  /** The columns a code's insert and update share, its search text included. */
  private async codeColumns(c: CodeRow) {
    return {
      holder_id: c.holderId,
      status: c.status,
      valid_from: c.validFrom,
      valid_to: c.validTo,
      successor_key: c.successorKey,
      search_text: codeSearchText(c.key, await this.holder(c.holderId)),
    };
  }

  async insertCode(c: CodeRow, at: string): Promise<void> {
    await this.db
      .insertInto('party_code')
      .values({
        key: c.key,
        country: c.country,
        code: c.code,
        ...(await this.codeColumns(c)),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await this.setRoles(c.key, c.roles, at);
  }

  async updateCode(c: CodeRow, at: string): Promise<void> {
    await this.db
      .updateTable('party_code')
      .set({ ...(await this.codeColumns(c)), updated_at: at })
      .where('key', '=', c.key)
      .execute();
    await this.setRoles(c.key, c.roles, at);
  }

  async appendEvent(e: NewEvent): Promise<void> {
    const record = await findPartyRecord(this.db, e.key);
    if (record === undefined) throw new Error(`event for unknown code ${e.key}`);
    await this.db
      .insertInto('register_event')
      .values({
        code_key: e.key,
        type: e.type,
        from_status: e.fromStatus,
        to_status: e.toStatus,
        reason: e.reason,
        reason_code: e.reasonCode ?? null,
        at: e.at,
        snapshot: JSON.stringify(record),
      })
      .execute();
  }

  async upsertFederated(record: FederatedRecord): Promise<'inserted' | 'updated' | 'unchanged'> {
    const existing = await this.db
      .selectFrom('federated_record')
      .selectAll()
      .where('registry_id', '=', record.registryId)
      .where('country', '=', record.country)
      .where('code', '=', record.code)
      .where('role', '=', record.role)
      .executeTakeFirst();
    const row = federatedRow(record);
    if (existing === undefined) {
      await this.db.insertInto('federated_record').values(row).execute();
      return 'inserted';
    }
    if (sameFederated(existing, row)) return 'unchanged';
    await this.db
      .updateTable('federated_record')
      .set(row)
      .where('registry_id', '=', record.registryId)
      .where('country', '=', record.country)
      .where('code', '=', record.code)
      .where('role', '=', record.role)
      .execute();
    return 'updated';
  }

  async recordImport(run: ImportRun): Promise<void> {
    await this.db
      .insertInto('import_run')
      .values({
        kind: run.kind,
        source_name: run.sourceName,
        sha256: run.sha256,
        retrieved_at: run.retrievedAt,
        imported_at: run.importedAt,
        summary: JSON.stringify(run.summary),
      })
      .execute();
  }

  async reserveCode(r: ReservedCode): Promise<boolean> {
    const existing = await this.db
      .selectFrom('reserved_code')
      .select('key')
      .where('key', '=', r.key)
      .executeTakeFirst();
    if (existing !== undefined) return false;
    await this.db
      .insertInto('reserved_code')
      .values({
        key: r.key,
        country: r.country,
        code: r.code,
        reason: r.reason,
        created_at: r.createdAt,
      })
      .execute();
    return true;
  }

  async releaseCode(key: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('reserved_code')
      .where('key', '=', key)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async audit(draft: AuditDraft): Promise<void> {
    await appendAudit(this.db, draft);
  }

  async countCodes(): Promise<number> {
    const row = await this.db
      .selectFrom('party_code')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/**
 * The register's writer over a transaction that another store has opened, so that a change to
 * the register and the change that caused it (an approval, a lifecycle decision) commit together.
 */
export function registerWriter(trx: Db): RegisterWriter {
  return new KyselyRegisterWriter(trx);
}

/** The register's write side over Kysely: every piece of work in one transaction. */
export function createRegisterStore(db: Kysely<Database>): RegisterStore {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(new KyselyRegisterWriter(trx))),
  };
}
