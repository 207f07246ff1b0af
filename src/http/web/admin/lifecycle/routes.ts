import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  changeCodeStatus,
  linkSuccessor,
  renameHolder,
} from '../../../../app/lifecycle/code-operations.ts';
import { approveRequest } from '../../../../app/lifecycle/approve-request.ts';
import { cancelRequest } from '../../../../app/lifecycle/cancel-request.ts';
import { proposeTransfer } from '../../../../app/lifecycle/propose-transfer.ts';
import { proposeWithdrawal } from '../../../../app/lifecycle/propose-withdrawal.ts';
import { rejectRequest } from '../../../../app/lifecycle/reject-request.ts';
import { declineHolderRequest } from '../../../../app/lifecycle/holder-requests.ts';
import type { LifecycleServices } from '../../../../app/lifecycle/ports.ts';
import { codeKeyOf } from '../../../../app/lifecycle/shared.ts';
import {
  codeOverview,
  findCodes,
  holderRequestOverview,
  requestQueue,
} from '../../../../app/lifecycle/queries.ts';
import {
  addReservedCode,
  listReservedCodes,
  removeReservedCode,
} from '../../../../app/lifecycle/reserved-codes.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { LANGUAGES, type Language } from '../../../../i18n/languages.ts';
import { csrfToken } from '../../account/csrf-field.tsx';
import { pageContext } from '../../page-context.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { CodePage } from './code-page.tsx';
import { CodesPage } from './codes-page.tsx';
import { HolderRequestPage } from './holder-request-page.tsx';
import type { FormState } from './operation-forms.tsx';
import { doneRedirect, field, fieldsOf, problemsOf } from './problems.ts';
import { RequestsPage } from './requests-page.tsx';
import { ReservedPage } from './reserved-page.tsx';

const VIEW = { schema: { hide: true }, config: { access: 'staff' } } as const;
const ADMIN_VIEW = { schema: { hide: true }, config: { access: 'admin' } } as const;
const CHANGE = { schema: { hide: true }, config: { access: 'admin', csrf: true } } as const;

interface KeyParams {
  Params: { key: string };
}
interface IdParams {
  Params: { id: string };
}

/** The staff member the access check let through. */
function staffOf(request: FastifyRequest): StaffMember {
  if (request.staff === null) throw new DomainError('unauthorized');
  return request.staff;
}

function doneOf(request: FastifyRequest): string | undefined {
  const { done } = request.query as { done?: unknown };
  return typeof done === 'string' && /^[a-z_]{1,30}$/.test(done) ? done : undefined;
}

/** Renders a page with a form's problems, or lets an error that is not about the form through. */
async function orProblems(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  op: string,
  render: (state: FormState) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  const found = problemsOf(request, error, op);
  if (found === undefined) throw error;
  reply.code(found.status);
  return render({ op, values: fieldsOf(request.body), problems: found.problems });
}

function codePage(
  s: LifecycleServices,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  state?: FormState,
) {
  return codeOverview(s, key).then((overview) =>
    reply.html(
      CodePage({
        ctx: pageContext(request),
        staff: staffOf(request),
        csrf: csrfToken(reply),
        overview,
        state,
        done: state === undefined ? doneOf(request) : undefined,
      }),
    ),
  );
}

function requestsPage(
  s: LifecycleServices,
  request: FastifyRequest,
  reply: FastifyReply,
  state?: FormState,
) {
  return requestQueue(s).then((queue) =>
    reply.html(
      RequestsPage({
        ctx: pageContext(request),
        staff: staffOf(request),
        csrf: csrfToken(reply),
        queue,
        state,
        done: state === undefined ? doneOf(request) : undefined,
      }),
    ),
  );
}

function holderRequestPage(
  s: LifecycleServices,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  state?: FormState,
) {
  return holderRequestOverview(s, id).then((overview) =>
    reply.html(
      HolderRequestPage({
        ctx: pageContext(request),
        staff: staffOf(request),
        csrf: csrfToken(reply),
        overview,
        state,
      }),
    ),
  );
}

function reservedPage(
  s: LifecycleServices,
  request: FastifyRequest,
  reply: FastifyReply,
  state?: FormState,
) {
  return listReservedCodes(s).then((list) =>
    reply.html(
      ReservedPage({
        ctx: pageContext(request),
        staff: staffOf(request),
        csrf: csrfToken(reply),
        list,
        state,
        done: state === undefined ? doneOf(request) : undefined,
      }),
    ),
  );
}

/** The operations on one code, each posted from its own form. */
const OPERATIONS = ['suspend', 'reinstate', 'withdraw', 'transfer', 'rename', 'successor'] as const;
type Operation = (typeof OPERATIONS)[number];

function runOperation(
  s: LifecycleServices,
  staff: StaffMember,
  op: Operation,
  key: string,
  body: unknown,
): Promise<unknown> {
  const f = (name: string) => field(body, name);
  const reasons = { publicReason: f('publicReason'), reason: f('reason') };
  const holderRequestId = f('holderRequestId');
  const details = {
    legalName: f('legalName'),
    tradingName: f('tradingName'),
    website: f('website'),
    seatCountry: f('seatCountry'),
  };
  switch (op) {
    case 'suspend':
    case 'reinstate':
      return changeCodeStatus(s, staff, op, key, reasons);
    case 'withdraw':
      return proposeWithdrawal(s, staff, key, {
        ...reasons,
        effectiveDate: f('effectiveDate'),
        holderRequestId,
      });
    case 'transfer':
      return proposeTransfer(s, staff, key, {
        ...reasons,
        ...details,
        target: f('target'),
        toCode: f('toCode'),
        holderRequestId,
      });
    case 'rename':
      return renameHolder(s, staff, key, { ...reasons, ...details, holderRequestId });
    case 'successor':
      return linkSuccessor(s, staff, key, { ...reasons, successor: f('successor') });
  }
}

function codeRoutes(app: FastifyInstance, s: LifecycleServices, lang: Language): void {
  app.get(`/${lang}/admin/codes`, VIEW, async (request, reply) => {
    const { q } = request.query as { q?: unknown };
    const query = typeof q === 'string' ? q : '';
    const render = (results: CodesPageResults, problems: CodesPageProblems = []) =>
      reply.html(
        CodesPage({
          ctx: pageContext(request),
          staff: staffOf(request),
          q: query,
          results,
          problems,
        }),
      );
    try {
      return await render(query.trim() === '' ? null : await findCodes(s, query));
    } catch (error) {
      const found = problemsOf(request, error, 'q');
      if (found === undefined) throw error;
      reply.code(found.status);
      return render(
        null,
        found.problems.map((p) => ({ ...p, id: 'q' })),
      );
    }
  });
  app.get<KeyParams>(`/${lang}/admin/codes/:key`, VIEW, (request, reply) =>
    codePage(s, request, reply, request.params.key),
  );
  for (const op of OPERATIONS) {
    app.post<KeyParams>(`/${lang}/admin/codes/:key/${op}`, CHANGE, async (request, reply) => {
      const staff = staffOf(request);
      const { key } = request.params;
      try {
        await runOperation(s, staff, op, key, request.body);
      } catch (error) {
        const holderRequestId = field(request.body, 'holderRequestId');
        return orProblems(request, reply, error, op, (state) =>
          holderRequestId === ''
            ? codePage(s, request, reply, key, state)
            : holderRequestPage(s, request, reply, holderRequestId, state),
        );
      }
      return doneRedirect(reply, `/${lang}/admin/codes/${codeKeyOf(key)}`, op);
    });
  }
}

type CodesPageResults = Parameters<typeof CodesPage>[0]['results'];
type CodesPageProblems = Parameters<typeof CodesPage>[0]['problems'];

const DECISIONS = ['approve', 'reject', 'cancel'] as const;

function requestRoutes(app: FastifyInstance, s: LifecycleServices, lang: Language): void {
  app.get(`/${lang}/admin/requests`, VIEW, (request, reply) => requestsPage(s, request, reply));
  app.get<IdParams>(`/${lang}/admin/requests/holder/:id`, VIEW, (request, reply) =>
    holderRequestPage(s, request, reply, request.params.id),
  );
  for (const decision of DECISIONS) {
    app.post<IdParams>(
      `/${lang}/admin/requests/:id/${decision}`,
      CHANGE,
      async (request, reply) => {
        const staff = staffOf(request);
        const { id } = request.params;
        const note = field(request.body, 'note');
        try {
          if (decision === 'approve') {
            const status = await approveRequest(s, staff, id, note);
            return await doneRedirect(reply, `/${lang}/admin/requests`, status);
          }
          if (decision === 'reject') await rejectRequest(s, staff, id, note);
          else
            await cancelRequest(s, staff, id, {
              note,
              publicReason: field(request.body, 'publicReason'),
            });
        } catch (error) {
          return orProblems(request, reply, error, `${decision}-${id}`, (state) =>
            requestsPage(s, request, reply, state),
          );
        }
        return doneRedirect(
          reply,
          `/${lang}/admin/requests`,
          decision === 'reject' ? 'rejected' : 'cancelled',
        );
      },
    );
  }
  app.post<IdParams>(
    `/${lang}/admin/requests/holder/:id/decline`,
    CHANGE,
    async (request, reply) => {
      const { id } = request.params;
      try {
        await declineHolderRequest(s, staffOf(request), id, field(request.body, 'note'));
      } catch (error) {
        return orProblems(request, reply, error, 'decline', (state) =>
          holderRequestPage(s, request, reply, id, state),
        );
      }
      return doneRedirect(reply, `/${lang}/admin/requests`, 'declined');
    },
  );
}

function reservedRoutes(app: FastifyInstance, s: LifecycleServices, lang: Language): void {
  const path = `/${lang}/admin/reserved`;
  app.get(path, ADMIN_VIEW, (request, reply) => reservedPage(s, request, reply));
  app.post(path, CHANGE, async (request, reply) => {
    let added: boolean;
    try {
      ({ added } = await addReservedCode(
        s,
        staffOf(request),
        field(request.body, 'code'),
        field(request.body, 'reason'),
      ));
    } catch (error) {
      const held = error instanceof DomainError && error.code === 'conflict';
      const found = held ? new DomainError('conflict', { reason: 'code_held' }) : error;
      return orProblems(request, reply, found, 'reserve', (state) =>
        reservedPage(s, request, reply, state),
      );
    }
    return doneRedirect(reply, path, added ? 'reserved' : 'already_reserved');
  });
  app.post<KeyParams>(`${path}/:key/remove`, CHANGE, async (request, reply) => {
    let removed: boolean;
    try {
      removed = await removeReservedCode(s, staffOf(request), request.params.key);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation_failed') {
        throw new DomainError('not_found', { key: request.params.key.slice(0, 20) });
      }
      throw error;
    }
    return doneRedirect(reply, path, removed ? 'released' : 'not_reserved');
  });
}

/** The back office's lifecycle pages: codes, the request queue, the reserved list. */
export function adminLifecycleRoutes(app: FastifyInstance, o: AdminRouteOptions): Promise<void> {
  const s = o.services.lifecycle;
  for (const lang of LANGUAGES) {
    codeRoutes(app, s, lang);
    requestRoutes(app, s, lang);
    reservedRoutes(app, s, lang);
  }
  return Promise.resolve();
}
