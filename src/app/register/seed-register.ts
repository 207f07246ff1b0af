import type { AuditActor } from '../audit/ports.ts';
import type { Clock } from '../ports.ts';
import { importBeneluxRegister, type BeneluxImportSummary } from './import-benelux-register.ts';
import { importIdroDirectory, type DirectoryImportSummary } from './import-idro-directory.ts';
import type { IdGenerator, RegisterStore } from './ports.ts';

export interface SeedFiles {
  readonly benelux: { readonly name: string; readonly text: string };
  readonly directory: { readonly name: string; readonly dataset: string; readonly text: string };
}

export interface SeedResult {
  readonly benelux: BeneluxImportSummary;
  readonly directory: DirectoryImportSummary;
}

/** The service itself, loading its bundled snapshot on first start. */
export const SEED_ACTOR: AuditActor = { type: 'system', id: null, label: 'first-start seed' };

/**
 * Loads the bundled snapshot of the public register (and the federated directory) into an empty
 * register, so that a new installation shows real data at once. Does nothing when the register
 * already holds codes. Every holder and code it creates is in the audit trail, by the system.
 */
export async function seedRegister(
  deps: { store: RegisterStore; clock: Clock; ids: IdGenerator },
  files: () => SeedFiles,
): Promise<SeedResult | undefined> {
  const empty = await deps.store.transaction(async (w) => (await w.countCodes()) === 0);
  if (!empty) return undefined;
  const { benelux, directory } = files();
  const imports = { ...deps, actor: SEED_ACTOR };
  return {
    benelux: await importBeneluxRegister(benelux.text, benelux.name, imports),
    directory: await importIdroDirectory(
      directory.text,
      directory.name,
      directory.dataset,
      imports,
    ),
  };
}
