import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditHash, GENESIS_HASH } from './chain.ts';
import type { AuditEntry, AuditHead, AuditReader } from './ports.ts';
import { formatHead, parseHeadAnchor, verifyAuditTrail } from './verify-audit-trail.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A chain of `n` entries built as the database builds it, and its head. */
function chain(n: number): { entries: Mutable<AuditEntry>[]; head: Mutable<AuditHead> } {
  const entries: Mutable<AuditEntry>[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields = {
      seq,
      at: `2026-11-27T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
      actorType: 'staff',
      actorId: 'staff-1',
      actorLabel: 'reviewer@registry.test',
      action: seq % 2 === 0 ? 'code.suspended' : 'holder.renamed',
      subjectType: 'code',
      subjectId: `BEA${String(seq).padStart(2, '0')}`.slice(0, 5),
      holderId: 'holder-1',
      codeKey: null,
      applicationId: null,
      reason: `Reason ${seq}`,
      before: JSON.stringify({ status: 'active' }),
      after: JSON.stringify({ status: 'suspended' }),
      prevHash,
    };
    const entry = { ...fields, hash: auditHash(fields) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  return { entries, head: { seq: n, hash: prevHash } };
}

/** Rewrites an entry's reason and recomputes its own hash, as a careful forger would. */
function forge(entry: Mutable<AuditEntry>, reason: string): void {
  entry.reason = reason;
  entry.hash = auditHash(entry);
}

/** Recomputes every hash from `from` on, and the head: a forger with full database access. */
function rechain(
  entries: Mutable<AuditEntry>[],
  head: Mutable<AuditHead>,
  from: number,
): Mutable<AuditHead> {
  for (let i = from - 1; i < entries.length; i += 1) {
    const entry = entries[i]!;
    entry.prevHash = i === 0 ? GENESIS_HASH : entries[i - 1]!.hash;
    entry.hash = auditHash(entry);
  }
  const last = entries.at(-1)!;
  head.seq = last.seq;
  head.hash = last.hash;
  return head;
}

/** An in-memory reader over the entries, counting how many it hands out at once. */
function readerOf(
  entries: readonly AuditEntry[],
  head: AuditHead | null,
): AuditReader & { largestPage: number } {
  const sorted = () => [...entries].sort((a, b) => a.seq - b.seq);
  const reader = {
    largestPage: 0,
    entryAt: (seq: number) => Promise.resolve(entries.find((e) => e.seq === seq)),
    entriesAfter: (afterSeq: number, limit: number, upToSeq?: number) => {
      const page = sorted()
        .filter((e) => e.seq > afterSeq && (upToSeq === undefined || e.seq <= upToSeq))
        .slice(0, limit);
      reader.largestPage = Math.max(reader.largestPage, page.length);
      return Promise.resolve(page);
    },
    head: () => Promise.resolve(head ?? { seq: 0, hash: GENESIS_HASH }),
    state: () => {
      const all = sorted();
      return Promise.resolve({
        head,
        entries: all.length,
        firstSeq: all[0]?.seq ?? null,
        lastSeq: all.at(-1)?.seq ?? null,
        lastAt: all.at(-1)?.at ?? null,
      });
    },
    list: () => Promise.reject(new Error('not used')),
    actions: () => Promise.reject(new Error('not used')),
    holderNames: () => Promise.reject(new Error('not used')),
    forHolder: () => Promise.reject(new Error('not used')),
    forCode: () => Promise.reject(new Error('not used')),
    forSubject: () => Promise.reject(new Error('not used')),
  };
  return reader;
}

describe('verifyAuditTrail', () => {
  it('proves an intact chain, reading it in pages, and reports its head', async () => {
    const { entries, head } = chain(25);
    const reader = readerOf(entries, head);
    const result = await verifyAuditTrail(reader, { pageSize: 4 });
    assert.equal(result.intact, true);
    assert.equal(result.verified, 25);
    assert.deepEqual(result.head, head);
    assert.equal(result.first?.seq, 1);
    assert.equal(result.last?.seq, 25);
    assert.equal(reader.largestPage, 4, 'never more than a page in memory');
  });

  it('an empty trail is intact', async () => {
    const result = await verifyAuditTrail(readerOf([], { seq: 0, hash: GENESIS_HASH }));
    assert.equal(result.intact, true);
    assert.equal(result.verified, 0);
    assert.equal(result.last, undefined);
  });

  it('names an entry edited in place as altered, whichever field changed', async () => {
    for (const field of ['reason', 'after', 'at', 'actorLabel', 'prevHash'] as const) {
      const { entries, head } = chain(10);
      entries[6]![field] = field === 'prevHash' ? 'f'.repeat(64) : 'edited';
      const result = await verifyAuditTrail(readerOf(entries, head), { pageSize: 3 });
      assert.equal(result.intact, false, field);
      assert.deepEqual(
        { kind: result.break?.kind, seq: result.break?.seq, verified: result.verified },
        { kind: 'altered', seq: 7, verified: 6 },
        field,
      );
      assert.equal(result.break?.entry?.action, 'holder.renamed');
      assert.equal(result.break.entry.at, entries[6]!.at);
    }
  });

  it('an entry rewritten with its hash recomputed is named at the next link: replaced', async () => {
    const { entries, head } = chain(10);
    forge(entries[4]!, 'a kinder reason');
    const result = await verifyAuditTrail(readerOf(entries, head));
    assert.equal(result.break?.kind, 'replaced');
    assert.equal(result.break.seq, 5, 'the entry replaced, not the one that revealed it');
    assert.equal(result.break.by, 'next');
    assert.equal(result.break.entry?.seq, 5);
    assert.equal(result.break.next?.seq, 6);
    assert.equal(result.verified, 4, 'entry 5 holds on its own, but it is the one changed');
  });

  it('the last entry rewritten with its hash recomputed is caught by the head', async () => {
    const { entries, head } = chain(10);
    forge(entries[9]!, 'rewritten');
    const result = await verifyAuditTrail(readerOf(entries, head));
    assert.deepEqual(
      { kind: result.break?.kind, seq: result.break?.seq },
      { kind: 'replaced', seq: 10 },
    );
    assert.equal(result.break?.kind === 'replaced' && result.break.by, 'head');
  });

  it('names entries deleted from the middle, and the first ones', async () => {
    const { entries, head } = chain(10);
    const middle = entries.filter((e) => e.seq !== 4 && e.seq !== 5);
    const result = await verifyAuditTrail(readerOf(middle, head));
    assert.equal(result.break?.kind, 'missing');
    assert.equal(result.break.seq, 4);
    assert.equal(result.break.count, 2);
    assert.equal(result.break.previous?.seq, 3);
    assert.equal(result.break.next?.seq, 6);
    const start = await verifyAuditTrail(readerOf(entries.slice(1), head));
    assert.deepEqual(
      { kind: start.break?.kind, seq: start.break?.seq },
      { kind: 'missing', seq: 1 },
    );
  });

  it('entries removed from the end do not match the head: truncated', async () => {
    const { entries, head } = chain(10);
    const result = await verifyAuditTrail(readerOf(entries.slice(0, 7), head));
    assert.equal(result.break?.kind, 'truncated');
    assert.equal(result.break.seq, 8);
    assert.equal(result.break.count, 3);
    assert.equal(result.break.previous?.seq, 7);
  });

  it('removed from the end and the head moved back: only a recorded head tells', async () => {
    const { entries, head } = chain(10);
    const recorded = { ...head };
    const shorter = entries.slice(0, 7);
    const moved = { seq: 7, hash: shorter.at(-1)!.hash };
    assert.equal((await verifyAuditTrail(readerOf(shorter, moved))).intact, true);
    const result = await verifyAuditTrail(readerOf(shorter, moved), { anchors: [recorded] });
    assert.equal(result.break?.kind, 'truncated');
    assert.equal(result.break.by, 'anchor');
    assert.equal(result.break.seq, 8);
  });

  it('a chain rewritten with every later hash recomputed fails against a recorded head', async () => {
    const { entries, head } = chain(10);
    const recordedAt6 = { seq: 6, hash: entries[5]!.hash };
    const recordedHashOnly = { seq: null, hash: entries[5]!.hash };
    entries[2]!.reason = 'rewritten history';
    const newHead = rechain(entries, head, 3);
    const reader = readerOf(entries, newHead);
    assert.equal((await verifyAuditTrail(reader)).intact, true, 'the chain alone cannot tell');
    const bySeq = await verifyAuditTrail(reader, { anchors: [recordedAt6] });
    assert.deepEqual(
      { kind: bySeq.break?.kind, seq: bySeq.break?.seq, verified: bySeq.verified },
      { kind: 'rewritten', seq: 6, verified: 0 },
    );
    const older = { seq: 2, hash: entries[1]!.hash };
    const both = await verifyAuditTrail(reader, { anchors: [older, recordedAt6] });
    assert.equal(both.verified, 2, 'the older recorded head still vouches for entries 1 and 2');
    const byHash = await verifyAuditTrail(reader, { anchors: [recordedHashOnly] });
    assert.deepEqual(
      { kind: byHash.break?.kind, seq: byHash.break?.seq },
      { kind: 'rewritten', seq: null },
    );
  });

  it('a recorded head that is still there proves the chain up to it', async () => {
    const { entries, head } = chain(10);
    const anchors = [
      { seq: 4, hash: entries[3]!.hash },
      { seq: null, hash: entries[8]!.hash },
    ];
    const result = await verifyAuditTrail(readerOf(entries, head), { anchors });
    assert.equal(result.intact, true);
    assert.deepEqual(result.anchors, anchors);
    const empty = { seq: 0, hash: GENESIS_HASH };
    assert.equal(
      (await verifyAuditTrail(readerOf(entries, head), { anchors: [empty] })).intact,
      true,
    );
  });

  it('an entry inserted beyond the head, or numbered below 1, was never issued', async () => {
    const { entries, head } = chain(5);
    const extra = chain(6).entries[5]!;
    const beyond = await verifyAuditTrail(readerOf([...entries, extra], head));
    assert.deepEqual(
      { kind: beyond.break?.kind, seq: beyond.break?.seq },
      { kind: 'unchained', seq: 6 },
    );
    const below = { ...entries[0]!, seq: 0 };
    const before = await verifyAuditTrail(readerOf([below, ...entries], head));
    assert.deepEqual(
      { kind: before.break?.kind, seq: before.break?.seq },
      { kind: 'unchained', seq: 0 },
    );
    assert.equal(before.break?.entry?.seq, 0);
  });

  it('reports a deleted head row', async () => {
    const { entries } = chain(3);
    const result = await verifyAuditTrail(readerOf(entries, null));
    assert.equal(result.break?.kind, 'no_head');
    assert.equal(result.verified, 3);
  });
});

describe('recorded heads', () => {
  it('reads SEQ:HASH and a bare hash, in any case, and refuses anything else', () => {
    const hash = 'AB'.repeat(32);
    assert.deepEqual(parseHeadAnchor(`12:${hash}`), { seq: 12, hash: hash.toLowerCase() });
    assert.deepEqual(parseHeadAnchor(` ${hash} `), { seq: null, hash: hash.toLowerCase() });
    for (const bad of ['', '12:', `x:${hash}`, `12:${hash}0`, hash.slice(1), `-1:${hash}`]) {
      assert.equal(parseHeadAnchor(bad), undefined, bad);
    }
    assert.equal(formatHead({ seq: 3, hash: 'c'.repeat(64) }), `3:${'c'.repeat(64)}`);
  });
});
