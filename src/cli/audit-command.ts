import type { HeadAnchor } from '../app/audit/chain.ts';
import type { AuditHead } from '../app/audit/ports.ts';
import {
  formatHead,
  parseHeadAnchor,
  verifyAuditTrail,
  type AuditVerification,
  type BreakReport,
  type EntryMark,
} from '../app/audit/verify-audit-trail.ts';
import type { AuditSession, CliServices } from './cli-services.ts';
import type { CliStreams } from './cli-streams.ts';
import { parseCommandArgs } from './parse-args.ts';

export const AUDIT_SUMMARY = 'the audit trail: verify [--expect-head SEQ:HASH] | head';

export const AUDIT_HELP = `usage: idro audit verify [--json] [--expect-head SEQ:HASH ...]
       idro audit head [--json]

  verify            checks the whole hash chain of the audit trail, entry by entry, and the
                    head row; prints the head (SEQ:HASH) when the chain is intact, or names the
                    first entry that was altered or removed and how
  head              prints the head of the trail (SEQ:HASH) without checking the chain
  --expect-head H   a head written down earlier (SEQ:HASH, or the hash alone): verify also
                    proves that entries 1 to SEQ are still the ones it covered, which catches a
                    trail rewritten with every later hash recomputed; may be given several times
  --json            one JSON object instead of text

Exit 0 when the trail is intact, 1 when it is broken, 2 on a usage error or when the database
cannot be read.
`;

function usage(io: CliStreams, reason: string): number {
  io.stderr.write(`idro audit: ${reason}\n${AUDIT_HELP}`);
  return 2;
}

function subjectOf(mark: EntryMark): string {
  return `${mark.subjectType} ${mark.subjectId}`;
}

/** `entry 57 (2026-11-27T10:00:00.000Z, code.suspended of code BEABC, by staff a@x.be)`. */
function describe(mark: EntryMark): string {
  const who = mark.actorLabel === null ? mark.actorType : `${mark.actorType} ${mark.actorLabel}`;
  return `entry ${mark.seq} (${mark.at}, ${mark.action} of ${subjectOf(mark)}, by ${who})`;
}

const range = (seq: number, count: number) =>
  count === 1 ? `entry ${seq}` : `entries ${seq} to ${seq + count - 1}`;

const KIND_LABELS: Readonly<Record<BreakReport['kind'], string>> = {
  altered: 'altered content',
  replaced: 'entry replaced (content and hash rewritten)',
  missing: 'missing entry',
  truncated: 'entries removed from the end',
  unchained: 'entry not issued by the chain',
  no_head: 'head row deleted',
  rewritten: 'differs from a recorded head',
};

/** What the first break means, in one or two plain sentences. */
export function explainBreak(b: BreakReport, head: AuditHead | null): string {
  const entry = b.entry === undefined ? `entry ${b.seq ?? '?'}` : describe(b.entry);
  const previous = b.previous === undefined ? 'the start of the trail' : describe(b.previous);
  switch (b.kind) {
    case 'altered':
      return `${entry} was altered: it no longer matches its own hash, so one of its fields (or its link to the entry before it) was changed after it was written.`;
    case 'replaced':
      return b.by === 'next'
        ? `${entry} was replaced: it matches its own hash, but entry ${b.seq + 1} still records the hash it had when it was written, so its content and its hash were rewritten together. (If entry ${b.seq} turns out to be genuine, entry ${b.seq + 1}'s link was rewritten instead.)`
        : `${entry}, the last one, was replaced: it matches its own hash, but the head row still records the hash it had when it was written, so its content and its hash were rewritten together.`;
    case 'missing':
      return `${range(b.seq, b.count)} ${b.count === 1 ? 'is' : 'are'} missing: deleted from the middle of the trail, between ${previous} and ${b.next === undefined ? 'the next entry' : describe(b.next)}.`;
    case 'truncated':
      return b.by === 'head'
        ? `${range(b.seq, b.count)} ${b.count === 1 ? 'was' : 'were'} removed from the end: the head row counts ${b.seq + b.count - 1} entries, but the trail ends at ${previous}.`
        : `${range(b.seq, b.count)} ${b.count === 1 ? 'was' : 'were'} removed from the end and the head row rewritten: a head recorded earlier names entry ${b.seq + b.count - 1}, but the trail ends at ${previous}.`;
    case 'unchained':
      return `${entry} was never issued by the chain: ${head !== null && b.seq > head.seq ? `it lies beyond the head (entry ${head.seq})` : 'its number comes before the first entry'}, so it was inserted by hand.`;
    case 'no_head':
      return `the head row, which every append updates, was deleted; entries up to ${previous} link up, but removed entries at the end can no longer be detected without a recorded head.`;
    case 'rewritten':
      return b.seq === null
        ? `no entry has the recorded hash ${b.expected}: the trail was rewritten, with every later hash recomputed, since that head was recorded (or the hash was copied wrongly).`
        : `${entry} has hash ${b.entry?.hash ?? '?'}, not the recorded ${b.expected}: entry ${b.seq} or one before it was changed, and every later hash recomputed, since that head was recorded.`;
  }
}

function textReport(result: AuditVerification): string {
  const head = result.head === null ? 'none' : formatHead(result.head);
  if (result.intact) {
    const lines =
      result.first === undefined || result.last === undefined
        ? ['audit trail intact: no entries yet']
        : [
            `audit trail intact: ${result.verified} ${result.verified === 1 ? 'entry' : 'entries'}, entry ${result.first.seq} (${result.first.at}) to entry ${result.last.seq} (${result.last.at})`,
          ];
    lines.push(`head: ${head}`);
    for (const anchor of result.anchors) {
      lines.push(
        `recorded head ${anchor.seq === null ? '' : `${anchor.seq}:`}${anchor.hash} found: the entries it covers are unchanged`,
      );
    }
    if (result.last !== undefined)
      lines.push(
        'Write the head down where the database cannot be changed along with it; ' +
          `'idro audit verify --expect-head ${head}' later proves that these entries were not rewritten.`,
      );
    return `${lines.join('\n')}\n`;
  }
  const b = result.break;
  if (b === undefined) return 'audit trail broken\n';
  const where = b.seq === null ? '' : ` at entry ${b.seq}`;
  const intact =
    result.verified === 0
      ? 'no entry before it is known to be intact'
      : `entries 1 to ${result.verified} are intact`;
  return [
    `audit trail BROKEN${where}: ${KIND_LABELS[b.kind]}`,
    explainBreak(b, result.head),
    `${intact}; head row: ${head}`,
    '',
  ].join('\n');
}

function jsonReport(result: AuditVerification): string {
  const b = result.break;
  return `${JSON.stringify({
    intact: result.intact,
    verified: result.verified,
    head: result.head,
    ...(result.first !== undefined && { first: result.first }),
    ...(result.last !== undefined && { last: result.last }),
    ...(b !== undefined && { break: { ...b, message: explainBreak(b, result.head) } }),
    expectedHeads: result.anchors,
  })}\n`;
}

async function withAudit<T>(
  services: CliServices,
  work: (session: AuditSession) => Promise<T>,
): Promise<T> {
  const session = await services.openAudit();
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

async function readTrail<T>(
  io: CliStreams,
  services: CliServices,
  work: (session: AuditSession) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await withAudit(services, work) };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    io.stderr.write(`idro audit: cannot read the audit trail: ${why}\n`);
    return { ok: false };
  }
}

async function verify(
  io: CliStreams,
  services: CliServices,
  json: boolean,
  anchors: readonly HeadAnchor[],
): Promise<number> {
  const read = await readTrail(io, services, (s) => verifyAuditTrail(s.reader, { anchors }));
  if (!read.ok) return 2;
  io.stdout.write(json ? jsonReport(read.value) : textReport(read.value));
  return read.value.intact ? 0 : 1;
}

async function showHead(io: CliStreams, services: CliServices, json: boolean): Promise<number> {
  const read = await readTrail(io, services, (s) => s.reader.state());
  if (!read.ok) return 2;
  const { head, entries, lastAt } = read.value;
  if (head === null) {
    io.stderr.write('idro audit: the head row of the audit trail is missing; run audit verify\n');
    return 1;
  }
  if (json) {
    io.stdout.write(`${JSON.stringify({ seq: head.seq, hash: head.hash, at: lastAt, entries })}\n`);
  } else {
    io.stdout.write(`${formatHead(head)}\n`);
    io.stderr.write(
      `head of the audit trail: entry ${head.seq}${lastAt === null ? '' : `, written ${lastAt}`} (not verified; 'idro audit verify' checks the chain)\n`,
    );
  }
  return 0;
}

/** `idro audit verify | head`: proves the audit trail intact, or shows its head. */
export async function auditCommand(
  args: readonly string[],
  io: CliStreams,
  services: CliServices,
): Promise<number> {
  const parsed = parseCommandArgs(args, {
    json: { type: 'boolean' },
    'expect-head': { type: 'string', multiple: true },
  });
  if (!parsed.ok) return usage(io, parsed.reason);
  const [action, ...extra] = parsed.positionals;
  if (extra.length > 0) return usage(io, 'too many arguments');
  const json = parsed.values.json === true;
  const expected = parsed.values['expect-head'] ?? [];
  if (action === 'verify') {
    const anchors: HeadAnchor[] = [];
    for (const text of expected) {
      const anchor = parseHeadAnchor(text);
      if (anchor === undefined) {
        return usage(io, `--expect-head '${text}' is not SEQ:HASH (64 hexadecimal characters)`);
      }
      anchors.push(anchor);
    }
    return verify(io, services, json, anchors);
  }
  if (action === 'head') {
    if (expected.length > 0) return usage(io, '--expect-head goes with verify');
    return showHead(io, services, json);
  }
  return usage(io, action === undefined ? 'expected verify or head' : `unknown action '${action}'`);
}
