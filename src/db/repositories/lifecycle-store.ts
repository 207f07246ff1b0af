import type { Kysely, Selectable } from 'kysely';
import type { AuditDraft } from '../../app/audit/ports.ts';
import type {
  HolderRequest,
  HolderRequestFilter,
  HolderRequestPatch,
  LifecycleRequest,
  LifecycleStore,
  LifecycleTx,
  NewHolderRequest,
  NewLifecycleRequest,
  RequestPatch,
} from '../../app/lifecycle/ports.ts';
import type { HolderRow } from '../../app/register/ports.ts';
import type {
  HolderRequestKind,
  HolderRequestStatus,
  LifecycleRequestStatus,
} from '../../domain/register/lifecycle-rules.ts';
import type { Database, HolderRequestTable, LifecycleRequestTable } from '../schema.ts';
import { appendAudit } from './audit-log.ts';
import type { Db } from './party-rows.ts';
import { registerWriter } from './register-store.ts';

type RequestRow = Selectable<LifecycleRequestTable> & {
  requested_by_email: string | null;
  decided_by_email: string | null;
};
type HolderRequestRow = Selectable<HolderRequestTable> & { created_by_email: string | null };

function requestOf(row: RequestRow): LifecycleRequest {
  return {
    id: row.id,
    kind: row.kind,
    codeKey: row.code_key ?? '',
    holderId: row.holder_id ?? '',
    payload: JSON.parse(row.payload) as never,
    reason: row.reason,
    status: row.status as LifecycleRequestStatus,
    requestedBy: row.requested_by,
    requestedByLabel: row.requested_by_email,
    decidedBy: row.decided_by,
    decidedByLabel: row.decided_by_email,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    effectiveAt: row.effective_at,
    appliedAt: row.applied_at,
    holderRequestId: row.holder_request_id,
    createdAt: row.created_at,
  } as LifecycleRequest;
}

function holderRequestOf(row: HolderRequestRow): HolderRequest {
  return {
    id: row.id,
    reference: row.reference,
    organisationId: row.organisation_id,
    holderId: row.holder_id,
    kind: row.kind,
    codeKey: row.code_key,
    payload: JSON.parse(row.payload) as never,
    message: row.message,
    status: row.status as HolderRequestStatus,
    lang: row.lang,
    createdBy: row.created_by,
    createdByEmail: row.created_by_email,
    createdAt: row.created_at,
    handledBy: row.handled_by,
    handledAt: row.handled_at,
    outcomeNote: row.outcome_note,
  } as HolderRequest;
}

function selectRequests(db: Db) {
  return db
    .selectFrom('lifecycle_request as r')
    .leftJoin('staff as rq', 'rq.id', 'r.requested_by')
    .leftJoin('staff as dc', 'dc.id', 'r.decided_by')
    .selectAll('r')
    .select(['rq.email as requested_by_email', 'dc.email as decided_by_email']);
}

function selectHolderRequests(db: Db) {
  return db
    .selectFrom('holder_request as h')
    .leftJoin('account as a', 'a.id', 'h.created_by')
    .selectAll('h')
    .select('a.email as created_by_email');
}

async function findHolder(db: Db, id: string): Promise<HolderRow | undefined> {
  const row = await db.selectFrom('holder').selectAll().where('id', '=', id).executeTakeFirst();
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

async function codesOfHolder(db: Db, holderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('party_code')
    .select('key')
    .where('holder_id', '=', holderId)
    .orderBy('key')
    .execute();
  return rows.map((r) => r.key);
}

async function findRequest(db: Db, id: string): Promise<LifecycleRequest | undefined> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  return row && requestOf(row);
}

async function findHolderRequest(db: Db, id: string): Promise<HolderRequest | undefined> {
  const row = await selectHolderRequests(db).where('h.id', '=', id).executeTakeFirst();
  return row && holderRequestOf(row);
}

class KyselyLifecycleTx implements LifecycleTx {
  readonly register;

  constructor(private readonly db: Db) {
    this.register = registerWriter(db);
  }

  async lockCode(key: string): Promise<boolean> {
    // A write that changes nothing: on PostgreSQL it holds the row until the transaction ends.
    const result = await this.db
      .updateTable('party_code')
      .set((eb) => ({ key: eb.ref('key') }))
      .where('key', '=', key)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async lockHolder(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('holder')
      .set((eb) => ({ id: eb.ref('id') }))
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  findHolder(id: string): Promise<HolderRow | undefined> {
    return findHolder(this.db, id);
  }

  codesOfHolder(holderId: string): Promise<string[]> {
    return codesOfHolder(this.db, holderId);
  }

  async insertRequest(r: NewLifecycleRequest): Promise<void> {
    await this.db
      .insertInto('lifecycle_request')
      .values({
        id: r.id,
        kind: r.kind,
        code_key: r.codeKey,
        holder_id: r.holderId,
        payload: JSON.stringify(r.payload),
        reason: r.reason,
        status: r.status,
        requested_by: r.requestedBy,
        decided_by: null,
        decided_at: null,
        decision_note: null,
        effective_at: r.effectiveAt,
        applied_at: null,
        holder_request_id: r.holderRequestId,
        created_at: r.createdAt,
      })
      .execute();
  }

  findRequest(id: string): Promise<LifecycleRequest | undefined> {
    return findRequest(this.db, id);
  }

  async openRequestOf(codeKey: string): Promise<LifecycleRequest | undefined> {
    const row = await selectRequests(this.db)
      .where('r.code_key', '=', codeKey)
      .where('r.status', 'in', ['pending', 'scheduled'])
      .executeTakeFirst();
    return row && requestOf(row);
  }

  async updateRequest(
    id: string,
    from: readonly LifecycleRequestStatus[],
    patch: RequestPatch,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('lifecycle_request')
      .set({
        status: patch.status,
        ...(patch.decidedBy === undefined ? {} : { decided_by: patch.decidedBy }),
        ...(patch.decidedAt === undefined ? {} : { decided_at: patch.decidedAt }),
        ...(patch.decisionNote === undefined ? {} : { decision_note: patch.decisionNote }),
        ...(patch.appliedAt === undefined ? {} : { applied_at: patch.appliedAt }),
        ...(patch.payload === undefined ? {} : { payload: JSON.stringify(patch.payload) }),
      })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insertHolderRequest(r: NewHolderRequest): Promise<void> {
    await this.db
      .insertInto('holder_request')
      .values({
        id: r.id,
        reference: r.reference,
        organisation_id: r.organisationId,
        holder_id: r.holderId,
        kind: r.kind,
        code_key: r.codeKey,
        payload: JSON.stringify(r.payload),
        message: r.message,
        status: r.status,
        lang: r.lang,
        created_by: r.createdBy,
        created_at: r.createdAt,
        handled_by: null,
        handled_at: null,
        outcome_note: null,
      })
      .execute();
  }

  findHolderRequest(id: string): Promise<HolderRequest | undefined> {
    return findHolderRequest(this.db, id);
  }

  async openHolderRequests(codeKey: string, kind: HolderRequestKind): Promise<HolderRequest[]> {
    const rows = await selectHolderRequests(this.db)
      .where('h.code_key', '=', codeKey)
      .where('h.kind', '=', kind)
      .where('h.status', '=', 'open')
      .execute();
    return rows.map(holderRequestOf);
  }

  async updateHolderRequest(
    id: string,
    from: readonly HolderRequestStatus[],
    patch: HolderRequestPatch,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('holder_request')
      .set({
        status: patch.status,
        handled_by: patch.handledBy,
        handled_at: patch.handledAt,
        ...(patch.outcomeNote === undefined ? {} : { outcome_note: patch.outcomeNote }),
      })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async audit(draft: AuditDraft): Promise<void> {
    await appendAudit(this.db, draft);
  }
}

/** Lifecycle requests and holders' requests over Kysely (SQLite and PostgreSQL). */
export function createLifecycleStore(db: Kysely<Database>): LifecycleStore {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(new KyselyLifecycleTx(trx))),
    findRequest: (id) => findRequest(db, id),
    async listRequests(statuses, limit) {
      const rows = await selectRequests(db)
        .where('r.status', 'in', [...statuses])
        .orderBy('r.created_at')
        .orderBy('r.id')
        .limit(limit)
        .execute();
      return rows.map(requestOf);
    },
    async requestsOfCode(codeKey, limit) {
      const rows = await selectRequests(db)
        .where('r.code_key', '=', codeKey)
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(requestOf);
    },
    async requestsFromHolderRequest(holderRequestId) {
      const rows = await selectRequests(db)
        .where('r.holder_request_id', '=', holderRequestId)
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .execute();
      return rows.map(requestOf);
    },
    async dueRequests(now, limit) {
      const rows = await selectRequests(db)
        .where('r.status', '=', 'scheduled')
        .where('r.effective_at', '<=', now)
        .orderBy('r.effective_at')
        .orderBy('r.id')
        .limit(limit)
        .execute();
      return rows.map(requestOf);
    },
    findHolderRequest: (id) => findHolderRequest(db, id),
    async listHolderRequests(filter: HolderRequestFilter, limit) {
      let query = selectHolderRequests(db);
      if (filter.statuses !== undefined)
        query = query.where('h.status', 'in', [...filter.statuses]);
      if (filter.organisationId !== undefined) {
        query = query.where('h.organisation_id', '=', filter.organisationId);
      }
      if (filter.codeKey !== undefined) query = query.where('h.code_key', '=', filter.codeKey);
      const queue = filter.organisationId === undefined;
      const rows = await query
        .orderBy('h.created_at', queue ? 'asc' : 'desc')
        .orderBy('h.id', queue ? 'asc' : 'desc')
        .limit(limit)
        .execute();
      return rows.map(holderRequestOf);
    },
    async holderOfOrganisation(organisationId) {
      const row = await db
        .selectFrom('organisation')
        .select('holder_id')
        .where('id', '=', organisationId)
        .executeTakeFirst();
      return row?.holder_id ?? null;
    },
    findHolder: (id) => findHolder(db, id),
    codesOfHolder: (holderId) => codesOfHolder(db, holderId),
  };
}
