import { DomainError } from '../../domain/errors.ts';
import type { RegisterEvent } from './models.ts';
import type { RegisterReader } from './ports.ts';

export const CHANGES_PAGE = 500;

export interface ChangePage {
  readonly changes: readonly RegisterEvent[];
  /** Pass it as `after` next time; equal to the given cursor when nothing changed. */
  readonly nextCursor: string;
  /** More changes are waiting: ask again at once. */
  readonly hasMore: boolean;
}

function parseAfter(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  if (!/^\d{1,15}$/.test(after))
    throw new DomainError('validation_failed', {}, [{ field: 'after', code: 'invalid_value' }]);
  return Number(after);
}

/**
 * Every change to the public register in order, after a cursor. A consumer starts from nothing,
 * applies each change's record, and keeps `nextCursor` to stay in sync.
 */
export async function listChanges(
  reader: RegisterReader,
  after: string | undefined,
  limit = CHANGES_PAGE,
): Promise<ChangePage> {
  const from = parseAfter(after);
  const size = Math.min(Math.max(limit, 1), CHANGES_PAGE);
  const rows = await reader.changesAfter(from, size + 1);
  const changes = rows.slice(0, size);
  return { changes, nextCursor: String(changes.at(-1)?.id ?? from), hasMore: rows.length > size };
}
