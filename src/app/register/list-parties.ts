import { encodeCursor, decodeCursor } from './cursor.ts';
import type { PartyFilter, PartyRecord } from './models.ts';
import type { RegisterReader } from './ports.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PartyPage {
  readonly items: readonly PartyRecord[];
  /** Pass it as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** One page of the register in key order, filtered; cursor-paginated so pages never shift. */
export async function listParties(
  reader: RegisterReader,
  filter: PartyFilter,
  page: { readonly limit?: number; readonly cursor?: string },
): Promise<PartyPage> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const after = decodeCursor(page.cursor);
  const rows = await reader.listParties(filter, limit + 1, after);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.key) : null,
  };
}
