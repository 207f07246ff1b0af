import { createHash } from 'node:crypto';
import type { Role } from '../../domain/register/roles.ts';
import type { AuditActor, AuditDraft } from '../audit/ports.ts';
import type { Clock } from '../ports.ts';
import type { ImportAnomaly } from './import-anomaly.ts';
import { parseBeneluxExport, type BeneluxCompany } from './parse-benelux-export.ts';
import type { CodeRow, HolderRow, IdGenerator, RegisterStore, RegisterWriter } from './ports.ts';

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface BeneluxImportSummary {
  readonly source: string;
  readonly sha256: string;
  readonly holders: ImportCounts;
  readonly codes: ImportCounts;
  /** ID-role entries in the file (a code serving CPO and eMSP counts twice). */
  readonly roles: number;
  readonly anomalies: readonly ImportAnomaly[];
}

export interface ImportDeps {
  readonly store: RegisterStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Who the audit trail names for every change: the CLI's user, or the system for the seed. */
  readonly actor: AuditActor;
}

/**
 * The audit entries of one import, written at the end of its transaction: one per holder and
 * per code created or changed (with before and after), and one for the run itself.
 */
class ImportTrail {
  readonly drafts: AuditDraft[] = [];
  constructor(
    private readonly actor: AuditActor,
    private readonly at: string,
    private readonly reason: string,
  ) {}

  add(draft: Omit<AuditDraft, 'at' | 'actor' | 'reason'>): void {
    this.drafts.push({ at: this.at, actor: this.actor, reason: this.reason, ...draft });
  }

  async write(w: RegisterWriter): Promise<void> {
    for (const draft of this.drafts) await w.audit(draft);
  }
}

const holderState = (h: HolderRow) => ({
  legalName: h.legalName,
  tradingName: h.tradingName,
  seatCountry: h.seatCountry,
  website: h.website,
  source: h.source,
});

const codeState = (c: CodeRow) => ({
  holderId: c.holderId,
  status: c.status,
  roles: c.roles,
  validFrom: c.validFrom,
  validTo: c.validTo,
  successorKey: c.successorKey,
});

const SOURCE = 'benelux-export';
const counts = (): ImportCounts => ({ total: 0, created: 0, updated: 0, unchanged: 0 });
const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

async function applyHolder(
  w: RegisterWriter,
  company: BeneluxCompany,
  deps: ImportDeps,
  at: string,
  tally: ImportCounts,
  trail: ImportTrail,
) {
  tally.total += 1;
  const existing = await w.findHolderByName(company.name);
  if (existing === undefined) {
    const holder: HolderRow = {
      id: deps.ids.next(),
      legalName: company.name,
      tradingName: null,
      seatCountry: null,
      website: company.website,
      source: SOURCE,
    };
    await w.insertHolder(holder, at);
    trail.add({
      action: 'holder.created',
      subject: { type: 'holder', id: holder.id },
      holderId: holder.id,
      after: holderState(holder),
    });
    tally.created += 1;
    return { holder, changed: false };
  }
  if (existing.website === company.website) {
    tally.unchanged += 1;
    return { holder: existing, changed: false };
  }
  const holder = { ...existing, website: company.website };
  await w.updateHolder(holder, at);
  trail.add({
    action: 'holder.updated',
    subject: { type: 'holder', id: holder.id },
    holderId: holder.id,
    before: holderState(existing),
    after: holderState(holder),
  });
  tally.updated += 1;
  return { holder, changed: true };
}

interface CodeContext {
  readonly w: RegisterWriter;
  readonly holder: HolderRow;
  readonly holderChanged: boolean;
  readonly company: BeneluxCompany;
  readonly at: string;
  readonly tally: ImportCounts;
  readonly anomalies: ImportAnomaly[];
  readonly trail: ImportTrail;
}

async function applyCode(ctx: CodeContext, key: string, roleSet: ReadonlySet<Role>): Promise<void> {
  const { w, holder, at, tally } = ctx;
  tally.total += 1;
  const roles = [...roleSet].sort();
  const existing = await w.findCode(key);
  if (existing === undefined) {
    const code: CodeRow = {
      key,
      country: key.slice(0, 2),
      code: key.slice(2),
      holderId: holder.id,
      status: 'active',
      validFrom: null,
      validTo: null,
      successorKey: null,
      roles,
    };
    await w.insertCode(code, at);
    ctx.trail.add({
      action: 'code.created',
      subject: { type: 'code', id: key },
      holderId: holder.id,
      codeKey: key,
      after: codeState(code),
    });
    await w.appendEvent({
      key,
      type: 'imported',
      fromStatus: null,
      toStatus: 'active',
      reason: 'Imported from the public Benelux register export.',
      at,
    });
    tally.created += 1;
    return;
  }
  if (existing.holderId !== holder.id) {
    ctx.anomalies.push({
      line: ctx.company.line,
      value: key,
      code: 'code_held_by_other_holder',
      message: 'the register gives this code to another holder; not changed',
    });
    tally.unchanged += 1;
    return;
  }
  if (sameRoles(existing.roles, roles)) {
    if (ctx.holderChanged)
      await w.appendEvent({
        key,
        type: 'holder_updated',
        fromStatus: null,
        toStatus: null,
        reason: 'Holder details updated from the public register export.',
        at,
      });
    tally.unchanged += 1;
    return;
  }
  const changed = { ...existing, roles };
  await w.updateCode(changed, at);
  ctx.trail.add({
    action: 'code.roles_changed',
    subject: { type: 'code', id: key },
    holderId: holder.id,
    codeKey: key,
    before: codeState(existing),
    after: codeState(changed),
  });
  await w.appendEvent({
    key,
    type: 'roles_changed',
    fromStatus: null,
    toStatus: null,
    reason: 'Roles updated from the public register export.',
    at,
  });
  tally.updated += 1;
}

/** Codes claimed by two companies of the same file: the first keeps it, the rest are anomalies. */
function claimCodes(
  companies: readonly BeneluxCompany[],
  anomalies: ImportAnomaly[],
): Map<BeneluxCompany, Map<string, ReadonlySet<Role>>> {
  const owner = new Map<string, BeneluxCompany>();
  const result = new Map<BeneluxCompany, Map<string, ReadonlySet<Role>>>();
  for (const company of companies) {
    const mine = new Map<string, ReadonlySet<Role>>();
    for (const [key, roles] of company.codes) {
      const first = owner.get(key);
      if (first === undefined) {
        owner.set(key, company);
        mine.set(key, roles);
      } else {
        anomalies.push({
          line: company.line,
          value: key,
          code: 'code_claimed_twice',
          message: `also listed for "${first.name}" on line ${first.line}; kept there`,
        });
      }
    }
    result.set(company, mine);
  }
  return result;
}

/**
 * Imports the public Benelux register export. Idempotent: a second import of the same file
 * changes nothing. Codes missing from the file are left as they are (an export is no authority to
 * withdraw a code).
 */
export async function importBeneluxRegister(
  text: string,
  source: string,
  deps: ImportDeps,
): Promise<BeneluxImportSummary> {
  const parsed = parseBeneluxExport(text);
  const anomalies = [...parsed.anomalies];
  const claims = claimCodes(parsed.companies, anomalies);
  const at = deps.clock.now().toISOString();
  const holders = counts();
  const codes = counts();
  const sha256 = createHash('sha256').update(text).digest('hex');
  const roles = parsed.companies.reduce(
    (n, c) => n + [...c.codes.values()].reduce((m, r) => m + r.size, 0),
    0,
  );
  await deps.store.transaction(async (w) => {
    const trail = new ImportTrail(deps.actor, at, `Imported from ${source}.`);
    for (const company of parsed.companies) {
      const { holder, changed } = await applyHolder(w, company, deps, at, holders, trail);
      for (const [key, roleSet] of claims.get(company) ?? []) {
        await applyCode(
          { w, holder, holderChanged: changed, company, at, tally: codes, anomalies, trail },
          key,
          roleSet,
        );
      }
    }
    const summary = { holders, codes, roles, anomalies: anomalies.length };
    trail.add({
      action: 'import.completed',
      subject: { type: 'import', id: 'benelux-csv' },
      after: { source, sha256, ...summary },
    });
    await w.recordImport({
      kind: 'benelux-csv',
      sourceName: source,
      sha256,
      retrievedAt: null,
      importedAt: at,
      summary,
    });
    // Last in the transaction: the trail's head stays locked for as short a time as possible.
    await trail.write(w);
  });
  anomalies.sort((a, b) => a.line - b.line);
  return { source, sha256, holders, codes, roles, anomalies };
}
