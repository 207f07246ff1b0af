import type { ValidationSummary } from '../app/validation-record.ts';
import { ID_KINDS } from '../domain/emobility-id/index.ts';
import type { IdKind, IdResult } from '../domain/emobility-id/index.ts';

const STATUS_WIDTH = 'invalid'.length;
const KIND_WIDTH = Math.max(...ID_KINDS.map((kind) => kind.length));

function prefixes(status: string): Readonly<Record<IdKind, string>> {
  const entries = ID_KINDS.map((kind) => [
    kind,
    `${status.padEnd(STATUS_WIDTH)}  ${kind.padEnd(KIND_WIDTH)}  `,
  ]);
  return Object.fromEntries(entries) as Record<IdKind, string>;
}

// Built once: the status and kind columns are the same few strings on millions of lines.
const VALID_PREFIX = prefixes('valid');
const INVALID_PREFIX = prefixes('invalid');

/**
 * One aligned, greppable line (without its newline) for one ID: status, kind, the input, then
 * `-> normalized` or the reason. `at column N` counts from 1, for people; the JSON `position`
 * stays zero-based.
 */
export function formatHuman(input: string, result: IdResult): string {
  if (result.valid)
    return `${VALID_PREFIX[result.kind]}${displayInput(input)} -> ${result.normalized}`;
  let line = `${INVALID_PREFIX[result.kind]}${displayInput(input)}  ${result.reason}`;
  if (result.checkDigit !== undefined) line += ` (expected ${result.checkDigit})`;
  if (result.position !== undefined) line += ` at column ${result.position + 1}`;
  return line;
}

/**
 * The input as written when it is one visible ASCII word, which is nearly always; otherwise in
 * double quotes with `"`, `\` and every character outside printable ASCII escaped, so an empty
 * ID, a trailing space or a no-break space can be seen and the line stays one line.
 */
export function displayInput(input: string): string {
  if (input.length === 0) return '""';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f || code === 0x22 || code === 0x5c) return quoted(input);
  }
  return input;
}

function quoted(input: string): string {
  let text = '"';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) text += `\\${input.charAt(i)}`;
    else if (code >= 0x20 && code < 0x7f) text += input.charAt(i);
    else if (code === 0x09) text += '\\t';
    else if (code === 0x0d) text += '\\r';
    else text += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${text}"`;
}

/** `1000 IDs: 900 valid, 100 invalid (whitespace 60, bad_format 40)`, reasons most common first. */
export function formatSummary(summary: ValidationSummary): string {
  const ids = summary.total === 1 ? 'ID' : 'IDs';
  let line = `${summary.total} ${ids}: ${summary.valid} valid, ${summary.invalid} invalid`;
  const reasons = Object.entries(summary.byReason).sort(([, a], [, b]) => b - a);
  if (reasons.length > 0) {
    line += ` (${reasons.map(([reason, count]) => `${reason} ${count}`).join(', ')})`;
  }
  return line;
}
