import type { FederatedRecord, PartyRecord } from './models.ts';
import type { RegisterReader } from './ports.ts';

/**
 * Everything known about one party prefix, here and in other registers. The lookup hands out the
 * same object for a prefix for as long as it keeps it, so what is derived from the facts may be
 * kept with them (on the object itself, under a module's own symbol): it goes when the lookup lets
 * the facts go.
 */
export interface PrefixFacts {
  readonly party: PartyRecord | null;
  readonly reserved: { readonly reason: string } | null;
  readonly federated: readonly FederatedRecord[];
}

export interface PrefixLookup {
  facts(key: string): Promise<PrefixFacts>;
  /**
   * The facts at once, when they are cached and the cache is known current (the usual case);
   * otherwise undefined, and `facts` is the way.
   */
  cached(key: string): PrefixFacts | undefined;
  /** Forget everything now: called by this process after it changes the register. */
  invalidate(): void;
}

export interface PrefixLookupOptions {
  /** How often, at most, to ask the database whether the register changed. */
  readonly checkEveryMs: number;
  readonly maxEntries: number;
}

/** What the lookup reads. */
export type PrefixReader = Pick<
  RegisterReader,
  'version' | 'findParty' | 'reservation' | 'federatedRecords'
>;

interface Entry {
  readonly loading: Promise<PrefixFacts>;
  /** Set once loaded. */
  value?: PrefixFacts;
}

/**
 * A read-through cache of prefix facts, emptied when the register's version moves. Resolving is
 * the hottest path of the service; the database is asked at most once per `checkEveryMs` whether
 * anything changed (another process may have written), and this process's own writes invalidate
 * at once. The lookup that finds the question due waits for its answer; the others meanwhile are
 * answered from the cache as it is.
 */
export function createPrefixLookup(
  reader: PrefixReader,
  /**
   * The time in milliseconds since the epoch, as `Date.now` gives it. The lookup asks it on every
   * resolve, so it is a number rather than a `Date` to allocate.
   */
  now: () => number,
  options: PrefixLookupOptions,
): PrefixLookup {
  const cache = new Map<string, Entry>();
  let version = '';
  let checkedAt = -Infinity;
  let checking: Promise<void> | undefined;

  const check = async () => {
    const v = await reader.version();
    const next = `${v.lastEventId}/${v.federatedMark}/${v.reservedMark}`;
    if (next !== version) cache.clear();
    version = next;
  };

  /** Whether the register's version is to be asked again at `at`. */
  const due = (at = now()) => at - checkedAt >= options.checkEveryMs;

  /** Resolves once the cache is known current; undefined when it already is (the usual case). */
  const freshen = (): Promise<void> | undefined => {
    const at = now();
    if (!due(at)) return undefined;
    checkedAt = at;
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
      const loaded: Entry = {
        loading: load(key).then(
          (facts) => {
            loaded.value = facts;
            return facts;
          },
          (error: unknown) => {
            if (cache.get(key) === loaded) cache.delete(key);
            throw error;
          },
        ),
      };
      found = loaded;
      cache.set(key, found);
    }
    return found.loading;
  };

  return {
    // Not async: a cache hit hands back the stored promise without extra promise hops.
    facts(key) {
      const pending = freshen();
      return pending === undefined ? entry(key) : pending.then(() => entry(key));
    },
    cached(key) {
      // When a check is due, the way through `facts` asks it and waits for the answer.
      return due() ? undefined : cache.get(key)?.value;
    },
    invalidate() {
      cache.clear();
      checkedAt = -Infinity;
    },
  };
}
