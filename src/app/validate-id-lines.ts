import { isIdKind, validateId, type IdKind } from '../domain/emobility-id/index.ts';
import { DomainError } from '../domain/errors.ts';
import {
  countResult,
  emptySummary,
  toValidationRecord,
  type ValidationRecord,
  type ValidationSummary,
} from './validation-record.ts';

/** `text`: one identifier per line. `ndjson`: one JSON string or `{"id", "kind"?}` per line. */
export type LineFormat = 'text' | 'ndjson';

/** Why a whole line was not read as an identifier. */
export const LINE_ERROR_REASONS = ['bad_json_line', 'line_too_long'] as const;
export type LineErrorReason = (typeof LINE_ERROR_REASONS)[number];

/** Longest line read as an identifier, in characters; valid identifiers have at most 39. */
export const MAX_LINE_LENGTH = 1024;
/** How much of a rejected line is echoed back, in characters. */
export const LINE_ERROR_INPUT_LENGTH = 100;

/** A line that could not be read as an identifier: not JSON, the wrong shape, or too long. */
export interface LineError {
  /** One-based number of the line in the body. */
  readonly line: number;
  readonly valid: false;
  readonly reason: LineErrorReason;
  /** The start of the line as received, at most LINE_ERROR_INPUT_LENGTH characters. */
  readonly input: string;
}

/** One answer per input line, in input order. */
export type BulkItem = ValidationRecord | LineError;

export type BulkEvent =
  | { readonly type: 'items'; readonly items: readonly BulkItem[] }
  | { readonly type: 'done'; readonly summary: ValidationSummary; readonly badLines: number };

export interface BulkOptions {
  readonly format: LineFormat;
  /** The kind for every line that does not name its own; undefined means detect per line. */
  readonly kind?: IdKind;
  /** Bytes read at most; beyond them the run stops with a `payload_too_large` DomainError. */
  readonly byteLimit: number;
}

interface LineRequest {
  readonly input: string;
  readonly kind: IdKind | undefined;
}

/** Reads one NDJSON line: a JSON string, or an object with a string `id` and an optional `kind`. */
export function parseNdjsonLine(text: string, fallbackKind?: IdKind): LineRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // reported to the caller as a bad_json_line record
  }
  if (typeof value === 'string') return { input: value, kind: fallbackKind };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { id, kind } = value as Readonly<Record<string, unknown>>;
  if (typeof id !== 'string') return undefined;
  if (kind === undefined || kind === null) return { input: id, kind: fallbackKind };
  return isIdKind(kind) ? { input: id, kind } : undefined;
}

/**
 * Splits decoded text into lines and validates each as soon as it is complete, so memory stays
 * bounded by one chunk plus one line, whatever the size of the body. A leading byte order mark
 * is dropped (the decoder does it), one `\r` before each `\n` is stripped, and a last line
 * without `\n` counts when it is not empty.
 */
export class IdLineReader {
  readonly summary: ValidationSummary = emptySummary();
  badLines = 0;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly format: LineFormat;
  private readonly kind: IdKind | undefined;
  private carry = '';
  private overlong = false;
  private lineNumber = 0;

  constructor(format: LineFormat, kind?: IdKind) {
    this.format = format;
    this.kind = kind;
  }

  /** Validates every line the chunk completes. Invalid UTF-8 becomes U+FFFD, hence invalid. */
  push(chunk: Uint8Array): BulkItem[] {
    const items: BulkItem[] = [];
    this.feed(this.decoder.decode(chunk, { stream: true }), items);
    return items;
  }

  /** Validates the last line, if the body did not end with a line break. */
  end(): BulkItem[] {
    const items: BulkItem[] = [];
    this.feed(this.decoder.decode(), items);
    if (this.carry !== '' || this.overlong) this.finishLine('', items);
    return items;
  }

  private feed(text: string, items: BulkItem[]): void {
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      this.finishLine(text.slice(start, newline), items);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (this.overlong || start === text.length) return;
    this.carry += text.slice(start);
    if (this.carry.length > MAX_LINE_LENGTH + 1) {
      this.overlong = true;
      this.carry = this.carry.slice(0, LINE_ERROR_INPUT_LENGTH);
    }
  }

  private finishLine(segment: string, items: BulkItem[]): void {
    const line = ++this.lineNumber;
    let text = this.carry === '' ? segment : this.carry + segment;
    this.carry = '';
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (this.overlong || text.length > MAX_LINE_LENGTH) {
      this.overlong = false;
      items.push(this.lineError(line, 'line_too_long', text));
      return;
    }
    const request =
      this.format === 'text' ? { input: text, kind: this.kind } : parseNdjsonLine(text, this.kind);
    if (request === undefined) {
      items.push(this.lineError(line, 'bad_json_line', text));
      return;
    }
    const result = validateId(request.input, request.kind);
    countResult(this.summary, result);
    items.push(toValidationRecord(request.input, result));
  }

  private lineError(line: number, reason: LineErrorReason, text: string): LineError {
    this.badLines += 1;
    return { line, valid: false, reason, input: text.slice(0, LINE_ERROR_INPUT_LENGTH) };
  }
}

/**
 * Validates a body of identifiers line by line while it arrives: one `items` event per chunk,
 * then `done` with the counts. Past `byteLimit` bytes it stops reading and throws a
 * `payload_too_large` DomainError after the lines that ended within the limit. Stopping calls
 * `return()` on the source's iterator: pass one that leaves the stream open (for a request,
 * `iterator({ destroyOnReturn: false })`) when an answer must still reach the client.
 */
export async function* validateIdLines(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: BulkOptions,
): AsyncGenerator<BulkEvent, void, undefined> {
  const reader = new IdLineReader(options.format, options.kind);
  const encoder = new TextEncoder();
  let received = 0;
  for await (const data of source) {
    const chunk = typeof data === 'string' ? encoder.encode(data) : data;
    const room = options.byteLimit - received;
    received += chunk.byteLength;
    if (chunk.byteLength > room) {
      const items = reader.push(chunk.subarray(0, room));
      if (items.length > 0) yield { type: 'items', items };
      throw new DomainError('payload_too_large', { limit: options.byteLimit });
    }
    const items = reader.push(chunk);
    if (items.length > 0) yield { type: 'items', items };
  }
  const last = reader.end();
  if (last.length > 0) yield { type: 'items', items: last };
  yield { type: 'done', summary: reader.summary, badLines: reader.badLines };
}
