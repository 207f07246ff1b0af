import { sql, type Kysely } from 'kysely';
import type {
  FederatedRecord,
  HolderWithCodes,
  PartyFilter,
  PartyRecord,
  RegisterEvent,
  RegisterEventType,
  RegisterStats,
  RegisterVersion,
  ReservedCode,
} from '../../app/register/models.ts';
import type { RegisterReader } from '../../app/register/ports.ts';
import type { CodeStatus } from '../../domain/register/code-status.ts';
import { isPublicReason } from '../../domain/register/lifecycle-rules.ts';
import { foldForSearch } from '../../domain/register/search-text.ts';
import type { Database } from '../schema.ts';
import { federatedRecord } from './federated-rows.ts';
import { findPartyRecord, selectParties, toPartyRecords } from './party-rows.ts';

const STREAM_PAGE = 500;

/** `%term%` with LIKE's own wildcards escaped, so a search for `50%` finds just that. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The keys of the codes matching a filter, from `party_code` alone: with the covering indexes of
 * the search migration, a text search reads index entries only, never the table rows.
 */
function matchingKeys(db: Kysely<Database>, filter: PartyFilter) {
  let query = db.selectFrom('party_code as p').select('p.key');
  if (filter.country !== undefined) query = query.where('p.country', '=', filter.country);
  if (filter.status !== undefined) query = query.where('p.status', '=', filter.status);
  if (filter.role !== undefined) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('party_code_role as r')
          .select('r.role')
          .whereRef('r.code_key', '=', 'p.key')
          .where('r.role', '=', role),
      ),
    );
  }
  const q = foldForSearch(filter.q ?? '');
  for (const word of q === '' ? [] : q.split(' ')) {
    query = query.where(sql<boolean>`p.search_text like ${containsPattern(word)} escape '\\'`);
  }
  return query;
}

function toEvent(row: {
  id: number;
  code_key: string;
  type: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  reason_code: string | null;
  at: string;
  snapshot: string;
}): RegisterEvent {
  return {
    id: row.id,
    key: row.code_key,
    type: row.type as RegisterEventType,
    fromStatus: row.from_status as CodeStatus | null,
    toStatus: row.to_status as CodeStatus | null,
    reason: row.reason,
    reasonCode: isPublicReason(row.reason_code) ? row.reason_code : null,
    at: row.at,
    record: JSON.parse(row.snapshot) as PartyRecord,
  };
}

async function countBy(
  db: Kysely<Database>,
  table: 'party_code' | 'party_code_role',
  column: 'country' | 'status' | 'role',
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom(table)
    .select([sql<string>`${sql.ref(column)}`.as('k'), (eb) => eb.fn.countAll().as('n')])
    .groupBy(column)
    .orderBy(column)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
}

class KyselyRegisterReader implements RegisterReader {
  constructor(private readonly db: Kysely<Database>) {}

  async listParties(filter: PartyFilter, limit: number, afterKey?: string): Promise<PartyRecord[]> {
    let query = matchingKeys(this.db, filter);
    if (afterKey !== undefined) query = query.where('p.key', '>', afterKey);
    const keys = (await query.orderBy('p.key').limit(limit).execute()).map((r) => r.key);
    if (keys.length === 0) return [];
    const rows = await selectParties(this.db).where('p.key', 'in', keys).orderBy('p.key').execute();
    return toPartyRecords(this.db, rows);
  }

  findParty(key: string): Promise<PartyRecord | undefined> {
    return findPartyRecord(this.db, key);
  }

  async partyHistory(key: string): Promise<RegisterEvent[]> {
    const rows = await this.db
      .selectFrom('register_event')
      .selectAll()
      .where('code_key', '=', key)
      .orderBy('id')
      .execute();
    return rows.map(toEvent);
  }

  async changesAfter(afterId: number, limit: number): Promise<RegisterEvent[]> {
    const rows = await this.db
      .selectFrom('register_event')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  async *streamParties(filter: PartyFilter = {}): AsyncIterable<PartyRecord> {
    let after: string | undefined;
    for (;;) {
      const page = await this.listParties(filter, STREAM_PAGE, after);
      yield* page;
      if (page.length < STREAM_PAGE) return;
      after = page[page.length - 1]?.key;
    }
  }

  async *streamByHolder(statuses: readonly CodeStatus[]): AsyncIterable<HolderWithCodes> {
    // By folded name, as the Benelux register lists its companies; the id breaks ties.
    let after: { name: string; id: string } | undefined;
    for (;;) {
      let query = this.db.selectFrom('holder as h').select(['h.id', 'h.sort_name']);
      if (after !== undefined) {
        const { name, id } = after;
        // A row-value comparison: both databases read it as one range of the (sort_name, id) index.
        query = query.where((eb) =>
          eb(eb.refTuple('h.sort_name', 'h.id'), '>', eb.tuple(name, id)),
        );
      }
      const holders = await query
        .orderBy('h.sort_name')
        .orderBy('h.id')
        .limit(STREAM_PAGE)
        .execute();
      if (holders.length === 0) return;
      // Statuses are filtered here, not in SQL: with a status condition SQLite reads every code
      // of that status for each holder (the status index looks cheaper to it than the holder
      // index), which made a 100,000-code export run for hours.
      const rows = await selectParties(this.db)
        .where(
          'p.holder_id',
          'in',
          holders.map((h) => h.id),
        )
        .orderBy('p.key')
        .execute();
      const wanted = rows.filter((r) => statuses.includes(r.status as CodeStatus));
      const byHolder = new Map<string, PartyRecord[]>();
      for (const record of await toPartyRecords(this.db, wanted)) {
        const list = byHolder.get(record.holder.id) ?? [];
        list.push(record);
        byHolder.set(record.holder.id, list);
      }
      for (const h of holders) {
        const codes = byHolder.get(h.id);
        if (codes?.[0] !== undefined) yield { holder: codes[0].holder, codes };
      }
      const last = holders[holders.length - 1];
      if (holders.length < STREAM_PAGE || last === undefined) return;
      after = { name: last.sort_name, id: last.id };
    }
  }

  async version(): Promise<RegisterVersion> {
    // The newest event by its key, not max(at): that would scan every event, and this runs on
    // every conditional request and once a second on the resolve path.
    const last = await this.db
      .selectFrom('register_event')
      .select(['id', 'at'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const federated = await this.db
      .selectFrom('federated_record')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('imported_at').as('last_at')])
      .executeTakeFirst();
    const reserved = await this.db
      .selectFrom('reserved_code')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('created_at').as('last_at')])
      .executeTakeFirst();
    return {
      lastEventId: last?.id ?? 0,
      federatedMark: `${String(federated?.n ?? 0)}@${federated?.last_at ?? ''}`,
      reservedMark: `${String(reserved?.n ?? 0)}@${reserved?.last_at ?? ''}`,
      lastModified: last?.at ?? null,
    };
  }

  async stats(): Promise<RegisterStats> {
    const [byCountry, byStatus, byRole] = await Promise.all([
      countBy(this.db, 'party_code', 'country'),
      countBy(this.db, 'party_code', 'status'),
      countBy(this.db, 'party_code_role', 'role'),
    ]);
    const month = sql<string>`substr(valid_from, 1, 7)`;
    const months = await this.db
      .selectFrom('party_code')
      .select([month.as('month'), (eb) => eb.fn.countAll().as('n')])
      .where('valid_from', 'is not', null)
      .groupBy(month)
      .orderBy(month)
      .execute();
    const totals = await this.db
      .selectFrom('party_code')
      .select((eb) => [
        eb.fn.countAll().as('total'),
        eb.fn.count('holder_id').distinct().as('holders'),
        eb.fn.count('valid_from').as('dated'),
      ])
      .executeTakeFirstOrThrow();
    return {
      total: Number(totals.total),
      holders: Number(totals.holders),
      byCountry,
      byRole,
      byStatus,
      registrationsByMonth: months.map((m) => ({ month: m.month, count: Number(m.n) })),
      registrationDateUnknown: Number(totals.total) - Number(totals.dated),
    };
  }

  async federatedRecords(country: string, code: string): Promise<FederatedRecord[]> {
    const rows = await this.db
      .selectFrom('federated_record')
      .selectAll()
      .where('country', '=', country)
      .where('code', '=', code)
      .orderBy('retrieved_at', 'desc')
      .orderBy('registry_id')
      .orderBy('role')
      .execute();
    return rows.map(federatedRecord);
  }

  async federatedByCode(code: string): Promise<FederatedRecord[]> {
    const rows = await this.db
      .selectFrom('federated_record')
      .selectAll()
      .where('code', '=', code)
      .orderBy('country')
      .orderBy('registry_id')
      .orderBy('role')
      .execute();
    return rows.map(federatedRecord);
  }

  async listReserved(): Promise<ReservedCode[]> {
    const rows = await this.db.selectFrom('reserved_code').selectAll().orderBy('key').execute();
    return rows.map((r) => ({
      key: r.key,
      country: r.country,
      code: r.code,
      reason: r.reason,
      createdAt: r.created_at,
    }));
  }

  async reservation(key: string): Promise<{ readonly reason: string } | undefined> {
    return this.db
      .selectFrom('reserved_code')
      .select('reason')
      .where('key', '=', key)
      .executeTakeFirst();
  }
}

export function createRegisterReader(db: Kysely<Database>): RegisterReader {
  return new KyselyRegisterReader(db);
}
