import type { Clock } from '../ports.ts';
import type { FederatedRecord, PartyRecord } from './models.ts';
import type { RegisterReader } from './ports.ts';

/** Everything known about one party prefix, here and in other registers. */
export interface PrefixFacts {
  readonly party: PartyRecord | null;
  readonly reserved: { readonly reason: string } | null;
  readonly federated: readonly FederatedRecord[];
}

export interface PrefixLookup {
  facts(key: string): Promise<PrefixFacts>;
  /** Forget everything now: called by this process after it changes the register. */
  invalidate(): void;
}

export interface PrefixLookupOptions {
  /** How often, at most, to ask the database whether the register changed. */
  readonly checkEveryMs: number;
  readonly maxEntries: number;
}

/**
 * A read-through cache of prefix facts, emptied when the register's version moves. Resolving is
 * the hottest path of the service; the database is asked at most once per `checkEveryMs` whether
 * anything changed (another process may have written), and this process's own writes invalidate
 * at once.
 */
export function createPrefixLookup(
  reader: RegisterReader,
  clock: Clock,
  options: PrefixLookupOptions,
): PrefixLookup {
  const cache = new Map<string, Promise<PrefixFacts>>();
  let version = '';
  let checkedAt = -Infinity;
  let checking: Promise<void> | undefined;

  const check = async () => {
    const v = await reader.version();
    const next = `${v.lastEventId}/${v.federatedMark}/${v.reservedMark}`;
    if (next !== version) cache.clear();
    version = next;
  };

  /** Resolves once the cache is known current; undefined when it already is (the usual case). */
  const freshen = (): Promise<void> | undefined => {
    const now = clock.now().getTime();
    if (now - checkedAt < options.checkEveryMs) return undefined;
    checkedAt = now;
    checking ??= check().finally(() => (checking = undefined));
    return checking;
  };

  const load = async (key: string): Promise<PrefixFacts> => {
    const [party, reserved, federated] = await Promise.all([
      reader.findParty(key),
      reader.reservation(key),
      reader.federatedRecords(key.slice(0, 2), key.slice(2)),
    ]);
    return { party: party ?? null, reserved: reserved ?? null, federated };
  };

  const entry = (key: string): Promise<PrefixFacts> => {
    let found = cache.get(key);
    if (found === undefined) {
      if (cache.size >= options.maxEntries) cache.delete(cache.keys().next().value ?? '');
      found = load(key);
      found.catch(() => cache.delete(key));
      cache.set(key, found);
    }
    return found;
  };

  return {
    // Not async: a cache hit hands back the stored promise without extra promise hops.
    facts(key) {
      const pending = freshen();
      return pending === undefined ? entry(key) : pending.then(() => entry(key));
    },
    invalidate() {
      cache.clear();
      checkedAt = -Infinity;
    },
  };
}
