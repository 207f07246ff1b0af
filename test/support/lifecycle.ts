import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../src/app/audit/ports.ts';
import type { CodeStatus } from '../../src/domain/register/code-status.ts';
import type { Role } from '../../src/domain/register/roles.ts';
import { createRegisterStore } from '../../src/db/repositories/register-store.ts';
import type { TestApp } from './app.ts';
import { csrfOf, getPage, postForm, type CookieJar } from './accounts.ts';

export interface IssuedTestCode {
  readonly key: string;
  readonly holderId: string;
}

/**
 * A code in the register, as an approved application leaves it: its holder (new, or one given),
 * the code and its `issued` event.
 */
export async function issueCode(
  app: TestApp,
  key: string,
  holder: { readonly legalName: string; readonly seatCountry?: string } | { readonly id: string },
  options: { readonly status?: CodeStatus; readonly roles?: readonly Role[] } = {},
): Promise<IssuedTestCode> {
  const at = new Date().toISOString();
  return createRegisterStore(app.db).transaction(async (w) => {
    let holderId: string;
    if ('id' in holder) holderId = holder.id;
    else {
      holderId = randomUUID();
      await w.insertHolder(
        {
          id: holderId,
          legalName: holder.legalName,
          tradingName: null,
          seatCountry: holder.seatCountry ?? key.slice(0, 2),
          website: null,
          source: 'application',
        },
        at,
      );
    }
    const status = options.status ?? 'active';
    await w.insertCode(
      {
        key,
        country: key.slice(0, 2),
        code: key.slice(2),
        holderId,
        status,
        validFrom: at,
        validTo: null,
        successorKey: null,
        roles: options.roles ?? ['CPO', 'EMSP'],
      },
      at,
    );
    await w.appendEvent({
      key,
      type: 'issued',
      fromStatus: null,
      toStatus: status,
      reason: 'Issued after review of the application.',
      at,
    });
    return { key, holderId };
  });
}

/** Opens a page (for its CSRF token and cookie), then posts a form as a browser would. */
export async function submitFrom(
  app: TestApp,
  jar: CookieJar,
  pageUrl: string,
  postUrl: string,
  fields: Readonly<Record<string, string>>,
) {
  const page = await getPage(app, jar, pageUrl);
  if (page.statusCode !== 200) throw new Error(`${pageUrl} answered ${page.statusCode}`);
  return postForm(app, jar, postUrl, { _csrf: csrfOf(page.body), ...fields });
}

/** An admin's operation on a code from its page: `suspend`, `withdraw`, `transfer`… */
export function operate(
  app: TestApp,
  jar: CookieJar,
  key: string,
  op: string,
  fields: Readonly<Record<string, string>>,
) {
  return submitFrom(app, jar, `/en/admin/codes/${key}`, `/en/admin/codes/${key}/${op}`, fields);
}

/** A decision on a lifecycle request from the queue: `approve`, `reject`, `cancel`. */
export function decide(
  app: TestApp,
  jar: CookieJar,
  id: string,
  decision: 'approve' | 'reject' | 'cancel',
  fields: Readonly<Record<string, string>> = {},
) {
  return submitFrom(app, jar, '/en/admin/requests', `/en/admin/requests/${id}/${decision}`, fields);
}

/** The trail of one code, oldest first. */
export async function trailOf(app: TestApp, key: string): Promise<AuditEntry[]> {
  return (await app.backOffice.audit.reader.forCode(key, 100)).reverse();
}

/** The id of the newest lifecycle request of a code. */
export async function latestRequestId(app: TestApp, key: string): Promise<string> {
  const row = await app.db
    .selectFrom('lifecycle_request')
    .select('id')
    .where('code_key', '=', key)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PublicHistoryEvent {
  readonly sequence: number;
  readonly type: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly reason: string | null;
  readonly reasonCode: string | null;
}

export interface PublicParty {
  readonly id: string;
  readonly status: string;
  readonly validTo: string | null;
  readonly successor: string | null;
  readonly holder: { readonly name: string; readonly tradingName: string | null };
  readonly history: readonly PublicHistoryEvent[];
}

/** `GET /api/v1/parties/{cc}/{code}` as any consumer reads it. */
export async function publicParty(app: TestApp, key: string): Promise<PublicParty> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/parties/${key.slice(0, 2)}/${key.slice(2)}`,
  });
  if (response.statusCode !== 200) throw new Error(`party ${key}: ${response.statusCode}`);
  return response.json<PublicParty>();
}

/** The feed's last sequence now, to read what changes after it. */
export async function feedCursor(app: TestApp): Promise<string> {
  let after = '0';
  for (;;) {
    const page = (await app.inject({ method: 'GET', url: `/api/v1/changes?after=${after}` })).json<{
      nextCursor: string;
      hasMore: boolean;
    }>();
    after = page.nextCursor;
    if (!page.hasMore) return after;
  }
}

export interface FeedChange {
  readonly type: string;
  readonly toStatus: string | null;
  readonly reasonCode: string | null;
  readonly party: {
    readonly id: string;
    readonly status: string;
    readonly holder: { name: string };
  };
}

/** The changes of the feed after a cursor. */
export async function changesAfter(app: TestApp, cursor: string): Promise<FeedChange[]> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/changes?after=${cursor}` });
  return response.json<{ changes: FeedChange[] }>().changes;
}

export interface Resolved {
  readonly registered: boolean;
  readonly inForce: boolean;
  readonly party: { readonly status: string; readonly holder: { readonly name: string } } | null;
  readonly reserved: { readonly reason: string } | null;
}

/** `GET /api/v1/resolve/{id}`. */
export async function resolve(app: TestApp, id: string): Promise<Resolved> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/resolve/${encodeURIComponent(id)}`,
  });
  return response.json<Resolved>();
}

/** An audit entry's `before` or `after`, read back. */
export function stateOf(text: string | null | undefined): Record<string, unknown> & {
  readonly status?: string;
  readonly legalName?: string;
  readonly holder?: { readonly legalName?: string };
} {
  return JSON.parse(text ?? '{}') as Record<string, never>;
}
