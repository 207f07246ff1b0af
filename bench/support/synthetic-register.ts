import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  HolderTable,
  PartyCodeRoleTable,
  PartyCodeTable,
  RegisterEventTable,
} from '../../src/db/schema.ts';
import { foldForSearch, holderSortName } from '../../src/domain/register/search-text.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const WORDS = [
  'Électrique',
  'Laden',
  'Charge',
  'Mobility',
  'Énergie',
  'Stroom',
  'Power',
  'Volt',
  'Park',
  'Réseau',
  'Netz',
  'Groen',
  'Snel',
  'Borne',
];
const FORMS = ['B.V.', 'SA', 'GmbH', 'NV', 'SRL', 'S.à r.l.', 'BV'];
const COUNTRIES = ['BE', 'NL', 'LU'] as const;
const STATUSES = [
  'active',
  'active',
  'active',
  'active',
  'active',
  'active',
  'suspended',
  'withdrawn',
  'reserved',
];

/** A small deterministic generator, so every run measures the same register. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th code of the synthetic register: country and three characters, all distinct. */
export function syntheticKey(i: number): string {
  const country = COUNTRIES[i % 3] ?? 'BE';
  const n = Math.floor(i / 3);
  const code = `${ALNUM[Math.floor(n / 1296) % 36] ?? 'A'}${ALNUM[Math.floor(n / 36) % 36] ?? 'A'}${ALNUM[n % 36] ?? 'A'}`;
  return `${country}${code}`;
}

/**
 * Fills an empty, migrated database with `count` codes (at most 3 × 36³ = 139,968) held by about
 * count / 3 holders, with roles, statuses, dates and one event each, in batches.
 */
export async function fillSyntheticRegister(
  db: Kysely<Database>,
  count: number,
  seed = 42,
): Promise<void> {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const at = '2026-01-01T00:00:00.000Z';
  const BATCH = 300;
  for (let start = 0; start < count; start += BATCH) {
    const holders: Insertable<HolderTable>[] = [];
    const codes: Insertable<PartyCodeTable>[] = [];
    const roles: Insertable<PartyCodeRoleTable>[] = [];
    const events: Insertable<RegisterEventTable>[] = [];
    for (let i = start; i < Math.min(start + BATCH, count); i += 1) {
      const key = syntheticKey(i);
      const holderId = `h${Math.floor(i / 3)}`;
      const name = `${pick(WORDS)} ${pick(WORDS)} ${Math.floor(i / 3)} ${pick(FORMS)}`;
      if (i % 3 === 0 || i === start)
        holders.push({
          id: holderId,
          legal_name: name,
          trading_name: null,
          seat_country: key.slice(0, 2),
          website: `https://example-${Math.floor(i / 3)}.test`,
          search_text: foldForSearch(name),
          sort_name: holderSortName(name),
          source: 'synthetic',
          created_at: at,
          updated_at: at,
        });
      const month = String(1 + (i % 12)).padStart(2, '0');
      const validFrom = `${2021 + (i % 5)}-${month}-15T00:00:00.000Z`;
      const status = pick(STATUSES);
      codes.push({
        key,
        country: key.slice(0, 2),
        code: key.slice(2),
        holder_id: holderId,
        status,
        valid_from: validFrom,
        valid_to: null,
        successor_key: null,
        search_text: `${key.toLowerCase()} ${key.slice(0, 2).toLowerCase()}*${key.slice(2).toLowerCase()} ${key.slice(0, 2).toLowerCase()}-${key.slice(2).toLowerCase()} ${foldForSearch(name)}`,
        created_at: validFrom,
        updated_at: validFrom,
      });
      roles.push({ code_key: key, role: 'CPO', since: validFrom });
      if (random() < 0.5) roles.push({ code_key: key, role: 'EMSP', since: validFrom });
      events.push({
        code_key: key,
        type: 'issued',
        from_status: null,
        to_status: status,
        reason: null,
        at: validFrom,
        snapshot: '{}',
      });
    }
    await db.transaction().execute(async (trx) => {
      const unique = [...new Map(holders.map((h) => [h.id, h])).values()];
      await trx
        .insertInto('holder')
        .values(unique)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx.insertInto('party_code').values(codes).execute();
      await trx.insertInto('party_code_role').values(roles).execute();
      await trx.insertInto('register_event').values(events).execute();
    });
  }
}
