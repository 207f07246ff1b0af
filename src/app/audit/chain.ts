import { createHash } from 'node:crypto';
import type { AuditEntry, AuditHead } from './ports.ts';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, in a fixed order: everything but the hash itself. */
export type HashedFields = Omit<AuditEntry, 'hash'>;

/**
 * SHA-256 over the previous hash and the entry's fields as a JSON array in a fixed order, so
 * that changing, reordering or removing any entry breaks every hash after it. A JSON array has
 * one spelling per list of values: no two different entries hash the same text.
 */
export function auditHash(fields: HashedFields): string {
  const payload = JSON.stringify([
    fields.prevHash,
    fields.seq,
    fields.at,
    fields.actorType,
    fields.actorId,
    fields.actorLabel,
    fields.action,
    fields.subjectType,
    fields.subjectId,
    fields.holderId,
    fields.codeKey,
    fields.applicationId,
    fields.reason,
    fields.before,
    fields.after,
  ]);
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

/**
 * A head written down earlier (printed by `audit verify` or `audit head`, kept where the
 * database's administrators cannot change it): the hash of entry `seq`. When `seq` is not known,
 * the hash must be the hash of some entry of the chain.
 */
export interface HeadAnchor {
  readonly seq: number | null;
  readonly hash: string;
}

/**
 * Why the chain is broken, naming the first entry that was changed or removed.
 *
 * - `altered`: entry `seq` no longer matches its own hash: a field was changed after it was
 *   written (or its link to the entry before it was).
 * - `replaced`: entry `seq` matches its own hash, but the entry after it (`by: 'next'`) or the
 *   head row (`by: 'head'`) still records another hash for it: the entry was rewritten and its
 *   hash recomputed. (The other explanation, that the next entry's link was rewritten together
 *   with its hash, changes that next entry instead; entry `seq` is the first one to look at.)
 * - `missing`: `count` entries from `seq` on were deleted from the middle of the trail.
 * - `truncated`: `count` entries from `seq` on were deleted from the end: the head row
 *   (`by: 'head'`), or a head recorded earlier (`by: 'anchor'`), counts more entries than there are.
 * - `unchained`: entry `seq` was never issued by the chain: it lies beyond the head, or is
 *   numbered below 1. It was inserted by hand.
 * - `no_head`: the head row, which every append updates, was deleted.
 * - `rewritten`: a head recorded earlier no longer matches: entry `seq` has another hash now (or,
 *   for a head recorded without its number, no entry has that hash). Entry `seq` or one before it
 *   was changed and every later hash recomputed, which only a recorded head can reveal.
 */
export type ChainBreak =
  | { readonly kind: 'altered'; readonly seq: number }
  | { readonly kind: 'replaced'; readonly seq: number; readonly by: 'next' | 'head' }
  | { readonly kind: 'missing'; readonly seq: number; readonly count: number }
  | {
      readonly kind: 'truncated';
      readonly seq: number;
      readonly count: number;
      readonly by: 'head' | 'anchor';
    }
  | { readonly kind: 'unchained'; readonly seq: number }
  | { readonly kind: 'no_head'; readonly seq: null }
  | {
      readonly kind: 'rewritten';
      readonly seq: number | null;
      readonly expected: string;
    };

/**
 * Checks entries in order against the chain so far and against the head row read before the
 * first entry. Feed it every entry numbered up to the head (and any beyond it), in order; it
 * returns the first break found, or undefined while the chain holds. Then call `finish`.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private previous = GENESIS_HASH;
  private lastEntry: AuditEntry | undefined;
  private readonly head: AuditHead;
  private readonly anchors: readonly HeadAnchor[];
  private readonly anchorsFound = new Set<HeadAnchor>();
  private anchoredSeq = 0;

  constructor(head: AuditHead, anchors: readonly HeadAnchor[] = []) {
    this.head = head;
    this.anchors = anchors;
  }

  /** The first problem with this entry, if any; entries are given in increasing `seq`. */
  check(entry: AuditEntry): ChainBreak | undefined {
    if (entry.seq > this.head.seq && this.expectedSeq <= this.head.seq) {
      const count = this.head.seq - this.expectedSeq + 1;
      return { kind: 'truncated', seq: this.expectedSeq, count, by: 'head' };
    }
    if (entry.seq < this.expectedSeq || entry.seq > this.head.seq) {
      return { kind: 'unchained', seq: entry.seq };
    }
    if (entry.seq > this.expectedSeq) {
      return { kind: 'missing', seq: this.expectedSeq, count: entry.seq - this.expectedSeq };
    }
    // Its own hash first: an entry edited in place is the one to name, not the entry before it.
    if (auditHash(entry) !== entry.hash) return { kind: 'altered', seq: entry.seq };
    if (entry.prevHash !== this.previous) {
      // The first entry has no entry before it to blame: its link itself was rewritten.
      return entry.seq === 1
        ? { kind: 'altered', seq: 1 }
        : { kind: 'replaced', seq: entry.seq - 1, by: 'next' };
    }
    const anchorBreak = this.checkAnchors(entry);
    if (anchorBreak !== undefined) return anchorBreak;
    this.previous = entry.hash;
    this.expectedSeq += 1;
    this.lastEntry = entry;
    return undefined;
  }

  private checkAnchors(entry: AuditEntry): ChainBreak | undefined {
    for (const anchor of this.anchors) {
      if (anchor.seq === entry.seq && anchor.hash !== entry.hash) {
        return { kind: 'rewritten', seq: entry.seq, expected: anchor.hash };
      }
      if (anchor.hash === entry.hash && (anchor.seq === null || anchor.seq === entry.seq)) {
        this.anchorsFound.add(anchor);
        this.anchoredSeq = entry.seq;
      }
    }
    return undefined;
  }

  /**
   * After the last entry: the head row must name the last entry and its hash, or entries were
   * removed from the end (or the last one rewritten); every recorded head must have been met.
   */
  finish(): ChainBreak | undefined {
    const last = this.expectedSeq - 1;
    if (last < this.head.seq) {
      return { kind: 'truncated', seq: last + 1, count: this.head.seq - last, by: 'head' };
    }
    if (this.head.hash !== this.previous) return { kind: 'replaced', seq: last, by: 'head' };
    for (const anchor of this.anchors) {
      if (this.anchorsFound.has(anchor)) continue;
      // The head of an empty trail: every chain starts there.
      if (anchor.hash === GENESIS_HASH && (anchor.seq ?? 0) === 0) continue;
      if (anchor.seq !== null && anchor.seq > last) {
        return { kind: 'truncated', seq: last + 1, count: anchor.seq - last, by: 'anchor' };
      }
      return { kind: 'rewritten', seq: anchor.seq, expected: anchor.hash };
    }
    return undefined;
  }

  /** How many entries have been checked and hold, from entry 1. */
  get verified(): number {
    return this.expectedSeq - 1;
  }

  /** The last entry whose hash a recorded head names, found unchanged; 0 when none. */
  get anchored(): number {
    return this.anchoredSeq;
  }

  /** The last entry that held, if any. */
  get last(): AuditEntry | undefined {
    return this.lastEntry;
  }
}
