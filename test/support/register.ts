import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../src/app/ports.ts';
import type { IdGenerator } from '../../src/app/register/ports.ts';

export const SEED_DIR = join(import.meta.dirname, '..', '..', 'seed');
export const BENELUX_EXPORT = join(SEED_DIR, 'benelux-idro-register-export.csv');
export const IDRO_DIRECTORY = join(SEED_DIR, 'open-idro-directory-registry.csv');

export const readSeed = (file: string) => readFileSync(file, 'utf8');

/** A clock that stands still until moved. */
export function fixedClock(iso = '2026-11-27T10:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

export const uuids: IdGenerator = { next: () => randomUUID() };
