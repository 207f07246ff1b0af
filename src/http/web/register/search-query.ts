import type { PartyFilter } from '../../../app/register/models.ts';
import { isCodeStatus } from '../../../domain/register/code-status.ts';
import { isRegisterCountry } from '../../../domain/register/party-key.ts';
import { isRole } from '../../../domain/register/roles.ts';

/** Longer searches are not names or codes; the limit also keeps the query cheap. */
export const MAX_QUERY_LENGTH = 100;

export type SearchField = 'q' | 'country' | 'role' | 'status' | 'cursor';

export interface SearchError {
  readonly field: SearchField;
  /** Key of the message, under `register:errors`. */
  readonly message: 'qTooLong' | 'country' | 'role' | 'status' | 'cursor';
}

/** The search as the reader typed it, normalised, to fill the form and build page links. */
export interface SearchValues {
  readonly q: string;
  readonly country: string;
  readonly role: string;
  readonly status: string;
}

export interface SearchQuery {
  readonly values: SearchValues;
  readonly filter: PartyFilter;
  readonly cursor: string | undefined;
  readonly errors: readonly SearchError[];
}

/** A repeated parameter (`?q=a&q=b`) counts once, as its first value; anything else is text. */
function text(query: Readonly<Record<string, unknown>>, name: string): string {
  const raw: unknown = query[name];
  const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Reads the search page's query string. Bad values never reach the register: each becomes an
 * error the page shows next to its field; empty values mean "all".
 */
export function parseSearchQuery(query: unknown): SearchQuery {
  const params =
    typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
  const values: SearchValues = {
    q: text(params, 'q'),
    country: text(params, 'country').toUpperCase(),
    role: text(params, 'role').toUpperCase(),
    status: text(params, 'status').toLowerCase(),
  };
  const errors: SearchError[] = [];
  const filter: { -readonly [K in keyof PartyFilter]: PartyFilter[K] } = {};
  if (values.q.length > MAX_QUERY_LENGTH) errors.push({ field: 'q', message: 'qTooLong' });
  else if (values.q !== '') filter.q = values.q;
  if (isRegisterCountry(values.country)) filter.country = values.country;
  else if (values.country !== '') errors.push({ field: 'country', message: 'country' });
  if (isRole(values.role)) filter.role = values.role;
  else if (values.role !== '') errors.push({ field: 'role', message: 'role' });
  if (isCodeStatus(values.status)) filter.status = values.status;
  else if (values.status !== '') errors.push({ field: 'status', message: 'status' });
  const cursor = text(params, 'cursor');
  return { values, filter, cursor: cursor === '' ? undefined : cursor, errors };
}

/** The search page's URL for these values, keeping every filter; `cursor` picks a later page. */
export function searchUrl(lang: string, values: SearchValues, cursor?: string): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'country', 'role', 'status'] as const) {
    if (values[name] !== '') params.set(name, values[name]);
  }
  if (cursor !== undefined) params.set('cursor', cursor);
  const search = params.toString();
  return `/${lang}/register${search === '' ? '' : `?${search}`}`;
}
