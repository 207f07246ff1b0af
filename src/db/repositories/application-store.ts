import type { Kysely, Selectable } from 'kysely';
import type { AuditDraft } from '../../app/audit/ports.ts';
import type {
  ApplicationEvent,
  ApplicationEventType,
  ApplicationFile,
  ApplicationRecord,
  ApplicationRepository,
  IssuedCode,
  StatusChange,
} from '../../app/applications/ports.ts';
import type { SubmittedValues } from '../../app/applications/submitted-values.ts';
import {
  EDITABLE_STATUSES,
  isApplicationStatus,
} from '../../domain/application/application-status.ts';
import { rawStep } from '../../domain/application/raw-input.ts';
import {
  APPLICATION_STEPS,
  isApplicationPosition,
  type ApplicationData,
} from '../../domain/application/steps.ts';
import { isCodeStatus } from '../../domain/register/code-status.ts';
import { isRole } from '../../domain/register/roles.ts';
import type { ApplicationTable, Database } from '../schema.ts';
import { appendAudit } from './audit-log.ts';

/** The `data` column: the typed steps, and the normalised values once submitted. */
interface StoredData extends ApplicationData {
  readonly submitted?: SubmittedValues;
}

function parseData(text: string): { data: ApplicationData; submitted: SubmittedValues | null } {
  const stored = JSON.parse(text) as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  // Read back through the same filter as input, so a step always has every field as text.
  for (const step of APPLICATION_STEPS) {
    if (stored[step] !== undefined) data[step] = rawStep(step, stored[step]);
  }
  const submitted = (stored.submitted as SubmittedValues | undefined) ?? null;
  return { data, submitted };
}

function serialise(data: ApplicationData, submitted: SubmittedValues | null): string {
  const stored: StoredData = submitted === null ? data : { ...data, submitted };
  return JSON.stringify(stored);
}

export function recordOf(row: Selectable<ApplicationTable>): ApplicationRecord {
  const { data, submitted } = parseData(row.data);
  if (!isApplicationStatus(row.status)) throw new Error(`unknown application status ${row.status}`);
  return {
    id: row.id,
    reference: row.reference,
    organisationId: row.organisation_id,
    createdBy: row.created_by,
    status: row.status,
    currentStep: isApplicationPosition(row.current_step) ? row.current_step : 'request',
    data,
    submitted,
    lang: row.lang,
    termsVersion: row.terms_version,
    termsAcceptedAt: row.terms_accepted_at,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    assignedTo: row.assigned_to,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
  };
}

export function eventRow(e: ApplicationEvent) {
  return {
    application_id: e.applicationId,
    type: e.type,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor: e.actor,
    note: e.note,
    at: e.at,
  };
}

const FILE_COLUMNS = [
  'id',
  'application_id',
  'purpose',
  'filename',
  'content_type',
  'size',
  'sha256',
  'created_at',
] as const;

class KyselyApplicationStore implements ApplicationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(
    record: ApplicationRecord,
    event: ApplicationEvent,
    audit: AuditDraft,
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('application')
        .values({
          id: record.id,
          reference: record.reference,
          organisation_id: record.organisationId,
          created_by: record.createdBy,
          status: record.status,
          current_step: record.currentStep,
          data: serialise(record.data, record.submitted),
          lang: record.lang,
          terms_version: record.termsVersion,
          terms_accepted_at: record.termsAcceptedAt,
          submitted_at: record.submittedAt,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
        })
        .execute();
      await tx.insertInto('application_event').values(eventRow(event)).execute();
      await appendAudit(tx, audit);
    });
  }

  async find(id: string, organisationId: string): Promise<ApplicationRecord | undefined> {
    const row = await this.db
      .selectFrom('application')
      .selectAll()
      .where('id', '=', id)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return row && recordOf(row);
  }

  async list(organisationId: string): Promise<ApplicationRecord[]> {
    const rows = await this.db
      .selectFrom('application')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(recordOf);
  }

  async saveDraft(
    id: string,
    organisationId: string,
    change: Parameters<ApplicationRepository['saveDraft']>[2],
    audit: AuditDraft,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('application')
        .select('data')
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId)
        .where('status', 'in', EDITABLE_STATUSES)
        .executeTakeFirst();
      if (row === undefined) return false;
      // The values fixed at submission stay until the application is sent again.
      const { submitted } = parseData(row.data);
      const result = await tx
        .updateTable('application')
        .set({
          data: serialise(change.data, submitted),
          current_step: change.currentStep,
          updated_at: change.at,
        })
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId)
        .where('status', 'in', EDITABLE_STATUSES)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await appendAudit(tx, audit);
      return true;
    });
  }

  async transition(change: StatusChange): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('application')
        .select('data')
        .where('id', '=', change.id)
        .where('organisation_id', '=', change.organisationId)
        .where('status', '=', change.from)
        .executeTakeFirst();
      if (row === undefined) return false;
      const submission = change.submission;
      const result = await tx
        .updateTable('application')
        .set({
          status: change.to,
          updated_at: change.event.at,
          ...(submission === undefined
            ? {}
            : {
                current_step: 'review',
                data: serialise(parseData(row.data).data, submission.values),
                terms_version: submission.termsVersion,
                terms_accepted_at: submission.termsAcceptedAt,
                submitted_at: submission.submittedAt,
              }),
        })
        .where('id', '=', change.id)
        .where('status', '=', change.from)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await tx.insertInto('application_event').values(eventRow(change.event)).execute();
      await appendAudit(tx, change.audit);
      return true;
    });
  }

  async attachFile(
    file: ApplicationFile & { readonly content: Uint8Array },
    event: ApplicationEvent,
    audit: AuditDraft,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      // Touching the row first locks it (PostgreSQL), so a submission waits for the file or wins.
      const open = await tx
        .updateTable('application')
        .set({ updated_at: event.at })
        .where('id', '=', file.applicationId)
        .where('status', 'in', EDITABLE_STATUSES)
        .executeTakeFirst();
      if (open.numUpdatedRows === 0n) return false;
      await tx
        .deleteFrom('application_file')
        .where('application_id', '=', file.applicationId)
        .where('purpose', '=', file.purpose)
        .execute();
      await tx
        .insertInto('application_file')
        .values({
          id: file.id,
          application_id: file.applicationId,
          purpose: file.purpose,
          filename: file.filename,
          content_type: file.contentType,
          size: file.size,
          sha256: file.sha256,
          content: Buffer.from(
            file.content.buffer,
            file.content.byteOffset,
            file.content.byteLength,
          ),
          created_at: file.createdAt,
        })
        .execute();
      await tx.insertInto('application_event').values(eventRow(event)).execute();
      await appendAudit(tx, audit);
      return true;
    });
  }

  async files(applicationId: string): Promise<ApplicationFile[]> {
    const rows = await this.db
      .selectFrom('application_file')
      .select(FILE_COLUMNS)
      .where('application_id', '=', applicationId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      purpose: 'registry_extract',
      filename: r.filename,
      contentType: r.content_type,
      size: r.size,
      sha256: r.sha256,
      createdAt: r.created_at,
    }));
  }

  async events(applicationId: string): Promise<ApplicationEvent[]> {
    const rows = await this.db
      .selectFrom('application_event')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      applicationId: r.application_id,
      type: r.type as ApplicationEventType,
      fromStatus: isApplicationStatus(r.from_status) ? r.from_status : null,
      toStatus: isApplicationStatus(r.to_status) ? r.to_status : null,
      actor: r.actor,
      note: r.note,
      at: r.at,
    }));
  }

  async appendEvent(event: ApplicationEvent): Promise<void> {
    await this.db.insertInto('application_event').values(eventRow(event)).execute();
  }

  async issuedCodes(organisationId: string): Promise<IssuedCode[]> {
    const codes = await this.db
      .selectFrom('party_code as p')
      .innerJoin('organisation as o', 'o.holder_id', 'p.holder_id')
      .select(['p.key', 'p.country', 'p.code', 'p.status', 'p.valid_from'])
      .where('o.id', '=', organisationId)
      .orderBy('p.key')
      .execute();
    if (codes.length === 0) return [];
    const roles = await this.db
      .selectFrom('party_code_role')
      .select(['code_key', 'role'])
      .where(
        'code_key',
        'in',
        codes.map((c) => c.key),
      )
      .orderBy('role')
      .execute();
    return codes.map((c) => ({
      key: c.key,
      country: c.country,
      code: c.code,
      roles: roles
        .filter((r) => r.code_key === c.key)
        .map((r) => r.role)
        .filter(isRole),
      status: isCodeStatus(c.status) ? c.status : 'withdrawn',
      validFrom: c.valid_from,
    }));
  }
}

export function createApplicationStore(db: Kysely<Database>): ApplicationRepository {
  return new KyselyApplicationStore(db);
}
