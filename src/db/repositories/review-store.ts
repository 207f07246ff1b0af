import type { Kysely } from 'kysely';
import type { ApplicationEvent, ApplicationEventType } from '../../app/applications/ports.ts';
import type {
  HolderIdentifier,
  HolderSummary,
  ReviewReader,
  ReviewRecord,
  ReviewStore,
  ReviewTransaction,
} from '../../app/review/ports.ts';
import { isApplicationStatus, OPEN_STATUSES } from '../../domain/application/application-status.ts';
import { DomainError } from '../../domain/errors.ts';
import { isCodeStatus } from '../../domain/register/code-status.ts';
import type { Database } from '../schema.ts';
import { eventRow, recordOf } from './application-store.ts';
import { appendAudit } from './audit-log.ts';
import type { Db } from './party-rows.ts';
import { registerWriter } from './register-store.ts';

function eventOf(r: {
  application_id: string;
  type: string;
  from_status: string | null;
  to_status: string | null;
  actor: string | null;
  note: string | null;
  at: string;
}): ApplicationEvent {
  return {
    applicationId: r.application_id,
    type: r.type as ApplicationEventType,
    fromStatus: isApplicationStatus(r.from_status) ? r.from_status : null,
    toStatus: isApplicationStatus(r.to_status) ? r.to_status : null,
    actor: r.actor,
    note: r.note,
    at: r.at,
  };
}

/** E-mails of the accounts and staff members named by id; unknown ids are left out. */
async function labels(db: Db, ids: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const [accounts, staff] = await Promise.all([
    db.selectFrom('account').select(['id', 'email']).where('id', 'in', unique).execute(),
    db.selectFrom('staff').select(['id', 'email']).where('id', 'in', unique).execute(),
  ]);
  return Object.fromEntries([...accounts, ...staff].map((r) => [r.id, r.email]));
}

/** Applications with their creator's e-mail, organisation's holder and history. */
async function reviewRecords(db: Db, ids: readonly string[] | 'open'): Promise<ReviewRecord[]> {
  let query = db
    .selectFrom('application as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('account as c', 'c.id', 'a.created_by')
    .selectAll('a')
    .select(['o.holder_id as org_holder_id', 'c.email as creator_email']);
  query =
    ids === 'open' ? query.where('a.status', 'in', OPEN_STATUSES) : query.where('a.id', 'in', ids);
  const rows = await query.orderBy('a.submitted_at').orderBy('a.id').execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('application_event')
    .selectAll()
    .where(
      'application_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  const names = await labels(db, [
    ...events.flatMap((e) => (e.actor === null ? [] : [e.actor])),
    ...rows.flatMap((r) => [r.assigned_to, r.decided_by].filter((v) => v !== null)),
  ]);
  return rows.map((row) => {
    const history = events.filter((e) => e.application_id === row.id).map(eventOf);
    const { org_holder_id: holderId, creator_email: email, ...application } = row;
    return {
      record: recordOf(application),
      applicantEmail: email ?? '',
      holderId,
      history,
      actors: names,
    };
  });
}

async function holderSummaries(db: Db, ids: readonly string[]): Promise<HolderSummary[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const [holders, codes] = await Promise.all([
    db
      .selectFrom('holder')
      .select(['id', 'legal_name', 'trading_name'])
      .where('id', 'in', unique)
      .execute(),
    db
      .selectFrom('party_code')
      .select(['key', 'country', 'code', 'status', 'holder_id'])
      .where('holder_id', 'in', unique)
      .orderBy('key')
      .execute(),
  ]);
  const byId = new Map(holders.map((h) => [h.id, h]));
  return unique.flatMap((id) => {
    const h = byId.get(id);
    if (h === undefined) return [];
    return [
      {
        id: h.id,
        legalName: h.legal_name,
        tradingName: h.trading_name,
        codes: codes
          .filter((c) => c.holder_id === id)
          .map((c) => ({
            key: c.key,
            country: c.country,
            code: c.code,
            status: isCodeStatus(c.status) ? c.status : 'withdrawn',
          })),
      },
    ];
  });
}

/** The review pages' reads over Kysely. */
export function createReviewReader(db: Kysely<Database>): ReviewReader {
  return {
    openApplications: () => reviewRecords(db, 'open'),
    find: async (id) => (await reviewRecords(db, [id]))[0],
    async files(applicationId) {
      const rows = await db
        .selectFrom('application_file')
        .select(['id', 'filename', 'content_type', 'size', 'sha256', 'created_at'])
        .where('application_id', '=', applicationId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        applicationId,
        purpose: 'registry_extract' as const,
        filename: r.filename,
        contentType: r.content_type,
        size: r.size,
        sha256: r.sha256,
        createdAt: r.created_at,
      }));
    },
    async file(applicationId, fileId) {
      const r = await db
        .selectFrom('application_file')
        .selectAll()
        .where('application_id', '=', applicationId)
        .where('id', '=', fileId)
        .executeTakeFirst();
      return (
        r && {
          id: r.id,
          applicationId,
          purpose: 'registry_extract' as const,
          filename: r.filename,
          contentType: r.content_type,
          size: r.size,
          sha256: r.sha256,
          createdAt: r.created_at,
          content: new Uint8Array(r.content),
        }
      );
    },
    async holdersWithIdentifiers(identifiers) {
      if (identifiers.length === 0) return [];
      const rows = await db
        .selectFrom('holder_identifier')
        .select(['holder_id', 'scheme', 'value'])
        .where((eb) =>
          eb.or(
            identifiers.map((i) =>
              eb.and([eb('scheme', '=', i.scheme), eb('value', '=', i.value)]),
            ),
          ),
        )
        .orderBy('holder_id')
        .execute();
      const holders = new Map(
        (
          await holderSummaries(
            db,
            rows.map((r) => r.holder_id),
          )
        ).map((h) => [h.id, h]),
      );
      return rows.flatMap((r) => {
        const holder = holders.get(r.holder_id);
        return holder === undefined
          ? []
          : [{ identifier: { scheme: r.scheme, value: r.value }, holder }];
      });
    },
    async holderNames() {
      const rows = await db
        .selectFrom('holder')
        .select(['id', 'legal_name', 'trading_name'])
        .execute();
      return rows.map((r) => ({ id: r.id, legalName: r.legal_name, tradingName: r.trading_name }));
    },
    holders: (ids) => holderSummaries(db, ids),
  };
}

/**
 * Whether an error is the database refusing a second row for the same party code: PostgreSQL's
 * `unique_violation` (23505) on `party_code`, or SQLite's `UNIQUE constraint failed:
 * party_code.…` (its primary key, or the unique country and code).
 */
export function isCodeUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; table?: unknown; message?: unknown };
  if (e.code === '23505') return e.table === 'party_code';
  return (
    typeof e.code === 'string' &&
    e.code.startsWith('SQLITE_CONSTRAINT') &&
    typeof e.message === 'string' &&
    e.message.includes('constraint failed: party_code.')
  );
}

/** PostgreSQL's `deadlock_detected`: it aborted this transaction so that another could go on. */
function isDeadlock(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40P01'
  );
}

class KyselyReviewTransaction implements ReviewTransaction {
  readonly register;

  constructor(private readonly trx: Db) {
    this.register = registerWriter(trx);
  }

  async application(id: string): Promise<ReviewRecord | undefined> {
    return (await reviewRecords(this.trx, [id]))[0];
  }

  async setStatus(change: Parameters<ReviewTransaction['setStatus']>[0]): Promise<boolean> {
    const decided =
      change.decidedBy === undefined
        ? {}
        : {
            decided_at: change.at,
            decided_by: change.decidedBy,
          };
    const result = await this.trx
      .updateTable('application')
      .set({
        status: change.to,
        updated_at: change.at,
        ...(change.assignedTo === undefined ? {} : { assigned_to: change.assignedTo }),
        ...decided,
        ...(change.reason === undefined ? {} : { decision_reason: change.reason }),
      })
      .where('id', '=', change.id)
      .where('status', '=', change.from)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async appendEvent(event: ApplicationEvent): Promise<void> {
    await this.trx.insertInto('application_event').values(eventRow(event)).execute();
  }

  async reservation(key: string): Promise<{ readonly reason: string } | undefined> {
    return this.trx
      .selectFrom('reserved_code')
      .select('reason')
      .where('key', '=', key)
      .executeTakeFirst();
  }

  async addHolderIdentifier(holderId: string, identifier: HolderIdentifier): Promise<void> {
    const existing = await this.trx
      .selectFrom('holder_identifier')
      .select('holder_id')
      .where('holder_id', '=', holderId)
      .where('scheme', '=', identifier.scheme)
      .where('value', '=', identifier.value)
      .executeTakeFirst();
    if (existing !== undefined) return;
    await this.trx
      .insertInto('holder_identifier')
      .values({ holder_id: holderId, scheme: identifier.scheme, value: identifier.value })
      .execute();
  }

  async linkOrganisation(organisationId: string, holderId: string): Promise<boolean> {
    const result = await this.trx
      .updateTable('organisation')
      .set({ holder_id: holderId })
      .where('id', '=', organisationId)
      .where('holder_id', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async audit(draft: Parameters<ReviewTransaction['audit']>[0]): Promise<void> {
    await appendAudit(this.trx, draft);
  }
}

/** Decisions over Kysely: each one transaction; a lost race on a code becomes a `conflict`. */
export function createReviewStore(db: Kysely<Database>): ReviewStore {
  return {
    async decide(work) {
      try {
        return await db.transaction().execute((trx) => work(new KyselyReviewTransaction(trx)));
      } catch (error) {
        if (isCodeUniqueViolation(error))
          throw new DomainError('conflict', { reason: 'code_issued' });
        if (isDeadlock(error)) throw new DomainError('conflict', { reason: 'retry' });
        throw error;
      }
    },
  };
}
