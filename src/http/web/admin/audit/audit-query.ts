import { ACTOR_TYPES, type AuditActor, type AuditFilter } from '../../../../app/audit/ports.ts';

/** The filters as typed, to fill the form again and to build page links. */
export interface AuditFilterValues {
  readonly action: string;
  readonly actor: string;
  readonly who: string;
  readonly from: string;
  readonly to: string;
}

export type AuditQueryField = 'action' | 'actor' | 'who' | 'from' | 'to' | 'cursor';

export interface AuditQueryError {
  readonly field: AuditQueryField;
  /** Key of the message, under `admin-audit:errors`. */
  readonly message: 'actionTooLong' | 'actor' | 'whoTooLong' | 'date' | 'toBeforeFrom' | 'cursor';
}

export interface PageCursor {
  readonly olderThan?: number;
  readonly newerThan?: number;
}

export interface AuditQuery {
  readonly values: AuditFilterValues;
  readonly filter: AuditFilter;
  readonly cursor: PageCursor;
  readonly errors: readonly AuditQueryError[];
}

const MAX_ACTION = 60;
const MAX_WHO = 320;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SEQ = /^[1-9]\d{0,9}$/;
/** Entry numbers are 32-bit integers in the database. */
const MAX_SEQ = 2_147_483_647;
const isSeq = (value: string) => SEQ.test(value) && Number(value) <= MAX_SEQ;

/** A repeated parameter counts once, as its first value; anything else is text. */
function text(query: Readonly<Record<string, unknown>>, name: string): string {
  const raw: unknown = query[name];
  const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
}

/** `2026-11-27` as the instant its day starts in UTC; undefined when it is no real day. */
function dayStart(value: string): Date | undefined {
  const match = DAY.exec(value);
  if (match === null) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return undefined;
  return date;
}

function isActorType(value: string): value is AuditActor['type'] {
  return (ACTOR_TYPES as readonly string[]).includes(value);
}

/** Reads the paging cursor: `older=57` or `newer=57`, never both. */
export function parseCursor(query: unknown): { cursor: PageCursor; error: boolean } {
  const params =
    typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
  const older = text(params, 'older');
  const newer = text(params, 'newer');
  if (older === '' && newer === '') return { cursor: {}, error: false };
  if (older !== '' && newer === '' && isSeq(older)) {
    return { cursor: { olderThan: Number(older) }, error: false };
  }
  if (newer !== '' && older === '' && isSeq(newer)) {
    return { cursor: { newerThan: Number(newer) }, error: false };
  }
  return { cursor: {}, error: true };
}

/**
 * Reads the trail page's query string. Bad values never reach the database: each becomes an
 * error shown beside its field; empty values mean "all". Dates are whole days in UTC, both ends
 * included.
 */
export function parseAuditQuery(query: unknown): AuditQuery {
  const params =
    typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
  const values: AuditFilterValues = {
    action: text(params, 'action'),
    actor: text(params, 'actor').toLowerCase(),
    who: text(params, 'who'),
    from: text(params, 'from'),
    to: text(params, 'to'),
  };
  const errors: AuditQueryError[] = [];
  const filter: { -readonly [K in keyof AuditFilter]: AuditFilter[K] } = {};
  if (values.action.length > MAX_ACTION) errors.push({ field: 'action', message: 'actionTooLong' });
  else if (values.action !== '') filter.action = values.action;
  if (isActorType(values.actor)) filter.actorType = values.actor;
  else if (values.actor !== '') errors.push({ field: 'actor', message: 'actor' });
  if (values.who.length > MAX_WHO) errors.push({ field: 'who', message: 'whoTooLong' });
  else if (values.who !== '') filter.actorLabel = values.who;
  const from = values.from === '' ? undefined : dayStart(values.from);
  if (values.from !== '' && from === undefined) errors.push({ field: 'from', message: 'date' });
  if (from !== undefined) filter.fromAt = from.toISOString();
  const to = values.to === '' ? undefined : dayStart(values.to);
  if (values.to !== '' && to === undefined) errors.push({ field: 'to', message: 'date' });
  else if (to !== undefined && from !== undefined && to < from) {
    errors.push({ field: 'to', message: 'toBeforeFrom' });
  } else if (to !== undefined) {
    filter.beforeAt = new Date(to.getTime() + 86_400_000).toISOString();
  }
  const { cursor, error } = parseCursor(params);
  if (error) errors.push({ field: 'cursor', message: 'cursor' });
  return { values, filter, cursor, errors };
}

/** A URL with the filters kept; the cursor picks a page. */
export function withQuery(
  path: string,
  values: Partial<AuditFilterValues>,
  cursor: PageCursor = {},
): string {
  const params = new URLSearchParams();
  for (const name of ['action', 'actor', 'who', 'from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && value !== '') params.set(name, value);
  }
  if (cursor.olderThan !== undefined) params.set('older', String(cursor.olderThan));
  if (cursor.newerThan !== undefined) params.set('newer', String(cursor.newerThan));
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}
