import { sql, type Kysely, type Selectable } from 'kysely';
import { auditHash } from '../../app/audit/chain.ts';
import type {
  AuditDraft,
  AuditEntry,
  AuditFilter,
  AuditPage,
  AuditPageRequest,
  AuditReader,
  AuditState,
} from '../../app/audit/ports.ts';
import type { AuditEntryTable, Database } from '../schema.ts';
import type { Db } from './party-rows.ts';

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Appends one entry to the trail. Call it with the transaction that makes the change, so that
 * the change and its entry are saved together or not at all. Taking the next number updates
 * the head row first: on PostgreSQL that row lock makes concurrent appenders wait their turn.
 */
export async function appendAudit(trx: Db, draft: AuditDraft): Promise<AuditEntry> {
  const head = await trx
    .updateTable('audit_head')
    .set({ seq: sql<number>`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields = {
    seq: head.seq,
    at: draft.at,
    actorType: draft.actor.type,
    actorId: draft.actor.id,
    actorLabel: draft.actor.label,
    action: draft.action,
    subjectType: draft.subject.type,
    subjectId: draft.subject.id,
    holderId: draft.holderId ?? null,
    codeKey: draft.codeKey ?? null,
    applicationId: draft.applicationId ?? null,
    reason: draft.reason ?? null,
    before: json(draft.before),
    after: json(draft.after),
    prevHash: head.hash,
  };
  const entry: AuditEntry = { ...fields, hash: auditHash(fields) };
  await trx
    .insertInto('audit_entry')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      holder_id: entry.holderId,
      code_key: entry.codeKey,
      application_id: entry.applicationId,
      reason: entry.reason,
      before: entry.before,
      after: entry.after,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ hash: entry.hash }).where('id', '=', 1).execute();
  return entry;
}

function entryOf(row: Selectable<AuditEntryTable>): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    holderId: row.holder_id,
    codeKey: row.code_key,
    applicationId: row.application_id,
    reason: row.reason,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const toNumber = (value: string | number | bigint | null): number | null =>
  value === null ? null : Number(value);

/** Reads the audit trail over Kysely. */
export function createAuditReader(db: Kysely<Database>): AuditReader {
  const newest = (
    column: 'holder_id' | 'code_key',
    value: string,
    limit: number,
  ): Promise<AuditEntry[]> =>
    db
      .selectFrom('audit_entry')
      .selectAll()
      .where(column, '=', value)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute()
      .then((rows) => rows.map(entryOf));
  return {
    entriesAfter: async (afterSeq, limit, upToSeq) => {
      let query = db.selectFrom('audit_entry').selectAll().where('seq', '>', afterSeq);
      if (upToSeq !== undefined) query = query.where('seq', '<=', upToSeq);
      return (await query.orderBy('seq').limit(limit).execute()).map(entryOf);
    },
    entryAt: async (seq) => {
      const row = await db
        .selectFrom('audit_entry')
        .selectAll()
        .where('seq', '=', seq)
        .executeTakeFirst();
      return row === undefined ? undefined : entryOf(row);
    },
    head: async () => {
      const row = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { seq: row.seq, hash: row.hash };
    },
    state: () => readState(db),
    list: (filter, page) => listEntries(db, filter, page),
    actions: async () =>
      (
        await db.selectFrom('audit_entry').select('action').distinct().orderBy('action').execute()
      ).map((r) => r.action),
    holderNames: async (holderIds) => {
      if (holderIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('holder')
        .select(['id', 'legal_name'])
        .where('id', 'in', [...holderIds])
        .execute();
      return new Map(rows.map((r) => [r.id, r.legal_name]));
    },
    forHolder: (holderId, limit) => newest('holder_id', holderId, limit),
    forCode: (codeKey, limit) => newest('code_key', codeKey, limit),
    forSubject: async (type, id, limit) =>
      (
        await db
          .selectFrom('audit_entry')
          .selectAll()
          .where('subject_type', '=', type)
          .where('subject_id', '=', id)
          .orderBy('seq', 'desc')
          .limit(limit)
          .execute()
      ).map(entryOf),
  };
}

/** One statement, so one snapshot: the head and the entries agree even while others append. */
async function readState(db: Kysely<Database>): Promise<AuditState> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('audit_head').select('seq').where('id', '=', 1).as('head_seq'),
      eb.selectFrom('audit_head').select('hash').where('id', '=', 1).as('head_hash'),
      eb
        .selectFrom('audit_entry')
        .select((e) => e.fn.countAll<string | number | bigint>().as('n'))
        .as('entries'),
      eb
        .selectFrom('audit_entry')
        .select((e) => e.fn.min<number | null>('seq').as('s'))
        .as('first_seq'),
      eb
        .selectFrom('audit_entry')
        .select((e) => e.fn.max<number | null>('seq').as('s'))
        .as('last_seq'),
      eb.selectFrom('audit_entry').select('at').orderBy('seq', 'desc').limit(1).as('last_at'),
    ])
    .executeTakeFirstOrThrow();
  const headSeq = toNumber(row.head_seq);
  return {
    head: headSeq === null || row.head_hash === null ? null : { seq: headSeq, hash: row.head_hash },
    entries: toNumber(row.entries) ?? 0,
    firstSeq: toNumber(row.first_seq),
    lastSeq: toNumber(row.last_seq),
    lastAt: row.last_at,
  };
}

async function listEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: AuditPageRequest,
): Promise<AuditPage> {
  let query = db.selectFrom('audit_entry').selectAll();
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.actorType !== undefined) query = query.where('actor_type', '=', filter.actorType);
  if (filter.actorLabel !== undefined) {
    query = query.where(sql<string>`lower(actor_label)`, '=', filter.actorLabel.toLowerCase());
  }
  if (filter.fromAt !== undefined) query = query.where('at', '>=', filter.fromAt);
  if (filter.beforeAt !== undefined) query = query.where('at', '<', filter.beforeAt);
  if (filter.holderId !== undefined) query = query.where('holder_id', '=', filter.holderId);
  if (filter.codeKey !== undefined) query = query.where('code_key', '=', filter.codeKey);
  const { limit, olderThan, newerThan } = page;
  if (newerThan !== undefined) {
    // Towards newer entries: the ones just above the cursor, then shown newest first.
    const rows = await query
      .where('seq', '>', newerThan)
      .orderBy('seq', 'asc')
      .limit(limit + 1)
      .execute();
    const hasNewer = rows.length > limit;
    return { entries: rows.slice(0, limit).reverse().map(entryOf), hasOlder: true, hasNewer };
  }
  if (olderThan !== undefined) query = query.where('seq', '<', olderThan);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  return {
    entries: rows.slice(0, limit).map(entryOf),
    hasOlder: rows.length > limit,
    hasNewer: olderThan !== undefined,
  };
}
