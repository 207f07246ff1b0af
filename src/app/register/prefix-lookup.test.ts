import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FederatedRecord, PartyRecord, RegisterVersion } from './models.ts';
import { createPrefixLookup, type PrefixReader } from './prefix-lookup.ts';

function party(key: string, legalName: string): PartyRecord {
  return {
    key,
    country: key.slice(0, 2),
    code: key.slice(2),
    roles: ['CPO'],
    status: 'active',
    validFrom: null,
    validTo: null,
    successorKey: null,
    holder: { id: 'h1', legalName, tradingName: null, country: 'NL', website: null },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A register in memory that counts what it is asked, with a hand-moved version and clock. */
function fakeRegister() {
  const parties = new Map<string, PartyRecord>([['NLABL', party('NLABL', 'Abel & Co')]]);
  const calls = { version: 0, findParty: 0 };
  let lastEventId = 1;
  let failNext = false;
  let versionGate: Promise<void> | undefined;
  const reader: PrefixReader = {
    async version(): Promise<RegisterVersion> {
      calls.version++;
      await versionGate;
      return { lastEventId, federatedMark: '0@', reservedMark: '0@', lastModified: null };
    },
    findParty(key) {
      calls.findParty++;
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('database down'));
      }
      return Promise.resolve(parties.get(key));
    },
    reservation: () => Promise.resolve(undefined),
    federatedRecords: () => Promise.resolve([] as FederatedRecord[]),
  };
  let now = 0;
  const clock = () => now;
  return {
    reader,
    clock,
    calls,
    parties,
    advance: (ms: number) => (now += ms),
    change: () => (lastEventId += 1),
    failNextLoad: () => (failNext = true),
    /** Holds every version check until the returned function is called. */
    holdVersionChecks() {
      let release: () => void = () => undefined;
      versionGate = new Promise((resolve) => (release = resolve));
      return () => {
        versionGate = undefined;
        release();
      };
    },
  };
}

describe('the prefix lookup', () => {
  it('reads a prefix from the database once, then hands out the same facts', async () => {
    const r = fakeRegister();
    const lookup = createPrefixLookup(r.reader, r.clock, { checkEveryMs: 1000, maxEntries: 10 });
    const first = await lookup.facts('NLABL');
    assert.equal(first.party?.holder.legalName, 'Abel & Co');
    assert.equal(await lookup.facts('NLABL'), first);
    assert.equal(lookup.cached('NLABL'), first);
    assert.equal(r.calls.findParty, 1);
    const unknown = await lookup.facts('BEQQQ');
    assert.equal(unknown.party, null, 'an unknown prefix is cached too');
    await lookup.facts('BEQQQ');
    assert.equal(r.calls.findParty, 2);
  });

  it('has nothing at hand for a prefix not yet read', async () => {
    const r = fakeRegister();
    const lookup = createPrefixLookup(r.reader, r.clock, { checkEveryMs: 1000, maxEntries: 10 });
    await lookup.facts('BEQQQ');
    assert.equal(lookup.cached('NLABL'), undefined);
    const loading = lookup.facts('NLABL');
    assert.equal(lookup.cached('NLABL'), undefined, 'not while it is being read');
    assert.equal(lookup.cached('NLABL'), undefined);
    assert.equal(await loading, lookup.cached('NLABL'));
  });

  it('asks for the register version at most once per interval, and empties itself when it moved', async () => {
    const r = fakeRegister();
    const lookup = createPrefixLookup(r.reader, r.clock, { checkEveryMs: 1000, maxEntries: 10 });
    const before = await lookup.facts('NLABL');
    r.advance(500);
    assert.equal(lookup.cached('NLABL'), before);
    assert.equal(r.calls.version, 1);

    r.parties.set('NLABL', party('NLABL', 'Abel & Co (renamed)'));
    r.change();
    r.advance(500);
    assert.equal(lookup.cached('NLABL'), undefined, 'a check is due: nothing is at hand');
    const after = await lookup.facts('NLABL');
    assert.equal(r.calls.version, 2);
    assert.equal(after.party?.holder.legalName, 'Abel & Co (renamed)');
    assert.equal(lookup.cached('NLABL'), after);

    r.advance(1000);
    assert.equal(lookup.cached('NLABL'), undefined);
    assert.equal(await lookup.facts('NLABL'), after, 'the version did not move: same facts');
    assert.equal(r.calls.findParty, 2);
  });

  it('makes the lookup that finds a check due wait for it, and only that one', async () => {
    const r = fakeRegister();
    const lookup = createPrefixLookup(r.reader, r.clock, { checkEveryMs: 1000, maxEntries: 10 });
    const before = await lookup.facts('NLABL');
    r.parties.set('NLABL', party('NLABL', 'Abel & Co (renamed)'));
    r.change();
    r.advance(1000);
    const release = r.holdVersionChecks();
    assert.equal(lookup.cached('NLABL'), undefined, 'a check is due');
    const waiting = lookup.facts('NLABL');
    assert.equal(lookup.cached('NLABL'), before, 'meanwhile, the others get the cache as it is');
    assert.equal(await lookup.facts('NLABL'), before);
    release();
    assert.equal((await waiting).party?.holder.legalName, 'Abel & Co (renamed)');
    assert.equal(r.calls.version, 2, 'one check');
    assert.notEqual(lookup.cached('NLABL'), before);
  });

  it('forgets everything at once when invalidated', async () => {
    const r = fakeRegister();
    const lookup = createPrefixLookup(r.reader, r.clock, { checkEveryMs: 60_000, maxEntries: 10 });
    const before = await lookup.facts('NLABL');
    r.parties.set('NLABL', party('NLABL', 'Abel & Co (renamed)'));
    lookup.invalidate();
    assert.equal(lookup.cached('NLABL'), undefined);
    const after = await lookup.facts('NLABL');
    assert.notEqual(after, before);
    assert.equal(after.party?.holder.legalName, 'Abel & Co (renamed)');
  });

  it('does not keep a failed read', async () => {
    const r = fakeRegister();
    const lookup = createPrefixLookup(r.reader, r.clock, { checkEveryMs: 1000, maxEntries: 10 });
    r.failNextLoad();
    await assert.rejects(lookup.facts('NLABL'), /database down/);
    assert.equal(lookup.cached('NLABL'), undefined);
    assert.equal((await lookup.facts('NLABL')).party?.key, 'NLABL');
  });

  it('keeps at most maxEntries prefixes, dropping the oldest', async () => {
    const r = fakeRegister();
    const lookup = createPrefixLookup(r.reader, r.clock, { checkEveryMs: 1000, maxEntries: 2 });
    for (const key of ['BEAAA', 'BEBBB', 'BECCC']) await lookup.facts(key);
    assert.equal(lookup.cached('BEAAA'), undefined);
    assert.notEqual(lookup.cached('BEBBB'), undefined);
    assert.notEqual(lookup.cached('BECCC'), undefined);
  });
});
