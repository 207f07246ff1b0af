import { listParties, MAX_PAGE_SIZE } from '../../../app/register/list-parties.ts';
import type { PartyRecord } from '../../../app/register/models.ts';
import type { RegisterReader } from '../../../app/register/ports.ts';

/**
 * The holder's other codes. A search for the holder's full legal name finds every code of that
 * holder (the name is part of each code's search text) and perhaps a few of holders with longer
 * names, which are filtered out by holder. One page is enough: the largest holder of the real
 * register has 9 codes, far below the page size.
 */
export async function otherCodesOfHolder(
  reader: RegisterReader,
  record: PartyRecord,
): Promise<PartyRecord[]> {
  const page = await listParties(reader, { q: record.holder.legalName }, { limit: MAX_PAGE_SIZE });
  return page.items.filter((r) => r.holder.id === record.holder.id && r.key !== record.key);
}
