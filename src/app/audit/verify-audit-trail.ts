import { ChainVerifier, GENESIS_HASH, type ChainBreak, type HeadAnchor } from './chain.ts';
import type { AuditEntry, AuditHead, AuditReader } from './ports.ts';

/** Entries read at a time: memory stays the same for ten entries or ten million. */
export const VERIFY_PAGE_SIZE = 1000;

/** An entry as a report names it: enough to find it, nothing of its before/after. */
export interface EntryMark {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly actorType: string;
  readonly actorLabel: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly hash: string;
}

/** The first break, with the entries around it that still exist. */
export type BreakReport = ChainBreak & {
  /** The entry the break names, as it is stored now (absent when it was deleted). */
  readonly entry?: EntryMark;
  /** The last entry before the break that holds. */
  readonly previous?: EntryMark;
  /** The entry after the break that revealed it (`missing`, `replaced` by the next entry). */
  readonly next?: EntryMark;
};

export interface AuditVerification {
  readonly intact: boolean;
  /**
   * Entries found intact, from entry 1: all of them when the chain holds; when it is broken, those
   * before the first entry that may have been changed.
   */
  readonly verified: number;
  /** The head row as it was when verification started (null when the row is gone). */
  readonly head: AuditHead | null;
  /** The first and last entry of an intact trail; absent when it is empty or broken. */
  readonly first?: EntryMark;
  readonly last?: EntryMark;
  readonly break?: BreakReport;
  /** The heads recorded earlier that were checked against the chain, all met when intact. */
  readonly anchors: readonly HeadAnchor[];
}

export interface VerifyOptions {
  /** Heads written down earlier: each must still be in the chain, unchanged. */
  readonly anchors?: readonly HeadAnchor[];
  readonly pageSize?: number;
}

function markOf(entry: AuditEntry): EntryMark {
  return {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    actorType: entry.actorType,
    actorLabel: entry.actorLabel,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    hash: entry.hash,
  };
}

const HASH_SHAPE = /^[0-9a-f]{64}$/;

/**
 * Reads a recorded head as `audit verify` prints it: `SEQ:HASH`, or the hash alone. Undefined
 * when it is neither.
 */
export function parseHeadAnchor(text: string): HeadAnchor | undefined {
  const trimmed = text.trim().toLowerCase();
  const colon = trimmed.indexOf(':');
  const seqText = colon === -1 ? undefined : trimmed.slice(0, colon);
  const hash = colon === -1 ? trimmed : trimmed.slice(colon + 1);
  if (!HASH_SHAPE.test(hash)) return undefined;
  if (seqText === undefined) return { seq: null, hash };
  if (!/^\d{1,10}$/.test(seqText)) return undefined;
  return { seq: Number(seqText), hash };
}

/** How a head is written down: `SEQ:HASH`. */
export function formatHead(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

function report(
  found: ChainBreak,
  verifier: ChainVerifier,
  current: AuditEntry | undefined,
): BreakReport {
  const previous = verifier.last === undefined ? undefined : markOf(verifier.last);
  const here = current === undefined ? undefined : markOf(current);
  switch (found.kind) {
    case 'missing':
      return { ...found, previous, next: here };
    case 'replaced':
      return found.by === 'next'
        ? { ...found, entry: previous, next: here }
        : { ...found, entry: previous };
    case 'truncated':
    case 'no_head':
      return { ...found, previous };
    case 'rewritten':
      return { ...found, entry: here, previous: here === undefined ? previous : undefined };
    case 'altered':
    case 'unchained':
      return { ...found, entry: here, previous };
  }
}

/** How many entries from the first are still known to be as written, given the break. */
function intactBefore(found: ChainBreak, verifier: ChainVerifier): number {
  switch (found.kind) {
    // The replaced entry holds on its own, but it is the one that was changed.
    case 'replaced':
      return found.seq - 1;
    // Any entry up to the recorded one may have been changed; only an earlier head still vouches.
    case 'rewritten':
      return verifier.anchored;
    default:
      return verifier.verified;
  }
}

/**
 * Proves the audit trail intact, or names the first entry that was altered or removed. Reads
 * the head and the range of entries in one snapshot, then every entry of that range in pages of
 * `pageSize`, in order, so that memory does not grow with the trail; entries appended meanwhile
 * are left for the next run.
 */
export async function verifyAuditTrail(
  reader: AuditReader,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const anchors = options.anchors ?? [];
  const pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
  const state = await reader.state();
  const head = state.head;
  // Without its head row the chain can still be checked link by link, up to its last entry.
  const verifier = new ChainVerifier(
    head ?? { seq: state.lastSeq ?? 0, hash: GENESIS_HASH },
    anchors,
  );
  const broken = (found: ChainBreak, current?: AuditEntry): AuditVerification => ({
    intact: false,
    verified: intactBefore(found, verifier),
    head,
    break: report(found, verifier, current),
    anchors,
  });
  // An entry numbered below 1 was never issued, and comes before all others.
  if (state.firstSeq !== null && state.firstSeq < 1) {
    const entry = await reader.entryAt(state.firstSeq);
    return broken({ kind: 'unchained', seq: state.firstSeq }, entry);
  }
  let first: AuditEntry | undefined;
  const upTo = Math.max(head?.seq ?? 0, state.lastSeq ?? 0);
  let after = 0;
  for (;;) {
    const page = await reader.entriesAfter(after, pageSize, upTo);
    for (const entry of page) {
      const found = verifier.check(entry);
      if (found !== undefined) return broken(found, entry);
      first ??= entry;
    }
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) break;
    after = last.seq;
  }
  if (head === null) return broken({ kind: 'no_head', seq: null });
  const found = verifier.finish();
  if (found !== undefined) return broken(found);
  const last = verifier.last;
  return {
    intact: true,
    verified: verifier.verified,
    head,
    ...(first !== undefined && { first: markOf(first) }),
    ...(last !== undefined && { last: markOf(last) }),
    anchors,
  };
}
