import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../../../../app/accounts/ports.ts';
import {
  holderPortal,
  submitHolderRequest,
  type HolderRequestInput,
} from '../../../../app/lifecycle/holder-requests.ts';
import type { LifecycleServices } from '../../../../app/lifecycle/ports.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { LANGUAGES, type Language } from '../../../../i18n/languages.ts';
import { requirePageAccount } from '../../../plugins/auth.ts';
import { fieldsOf, problemsOf } from '../../admin/lifecycle/problems.ts';
import { pageContext } from '../../page-context.ts';
import { csrfToken } from '../csrf-field.tsx';
import { REQUEST_FORMS, RequestFormPage, type RequestForm } from './request-form-page.tsx';
import { RequestsPage } from './requests-page.tsx';

export interface HolderRequestRouteOptions {
  readonly lifecycle: LifecycleServices;
}

const PAGE = { schema: { hide: true }, preHandler: requirePageAccount } as const;
const POST = { ...PAGE, config: { csrf: true } } as const;

function accountOf(request: FastifyRequest): Account {
  if (request.account === null) throw new DomainError('unauthorized');
  return request.account;
}

function sentOf(request: FastifyRequest): string | undefined {
  const { sent } = request.query as { sent?: unknown };
  return typeof sent === 'string' && /^REQ-\d{4}-[0-9A-Z]{6}$/.test(sent) ? sent : undefined;
}

function inputOf(form: RequestForm, body: unknown): HolderRequestInput {
  const values = fieldsOf(body);
  const f = (name: string) => values[name] ?? '';
  return {
    kind: REQUEST_FORMS[form],
    code: f('code'),
    effectiveDate: f('effectiveDate'),
    legalName: f('legalName'),
    tradingName: f('tradingName'),
    website: f('website'),
    seatCountry: f('seatCountry'),
    toName: f('toName'),
    toCode: f('toCode'),
    publicReason: f('publicReason'),
    message: f('message'),
  };
}

async function formPage(
  s: LifecycleServices,
  request: FastifyRequest,
  reply: FastifyReply,
  form: RequestForm,
  state: Pick<Parameters<typeof RequestFormPage>[0], 'values' | 'problems'>,
) {
  const portal = await holderPortal(s, accountOf(request));
  // Only an organisation that holds codes has anything to ask: the others see the list page.
  if (portal.holder === null) {
    return reply.redirect(`/${request.lang}/account/requests`, 303);
  }
  return reply.html(
    RequestFormPage({ ctx: pageContext(request), csrf: csrfToken(reply), form, portal, ...state }),
  );
}

function routesFor(app: FastifyInstance, s: LifecycleServices, lang: Language): void {
  const base = `/${lang}/account/requests`;
  app.get(base, PAGE, async (request, reply) => {
    const portal = await holderPortal(s, accountOf(request));
    return reply.html(RequestsPage({ ctx: pageContext(request), portal, sent: sentOf(request) }));
  });
  for (const form of Object.keys(REQUEST_FORMS) as RequestForm[]) {
    app.get(`${base}/${form}`, PAGE, (request, reply) =>
      formPage(s, request, reply, form, { values: {}, problems: [] }),
    );
    app.post(`${base}/${form}`, POST, async (request, reply) => {
      let reference: string;
      try {
        ({ reference } = await submitHolderRequest(
          s,
          accountOf(request),
          request.lang,
          inputOf(form, request.body),
        ));
      } catch (error) {
        const found = problemsOf(request, error, 'form', 'account-requests');
        if (found === undefined) throw error;
        reply.code(found.status);
        const problems = found.problems.map((p) => ({ ...p, id: p.id.replace(/^form-/, '') }));
        return formPage(s, request, reply, form, { values: fieldsOf(request.body), problems });
      }
      return reply.redirect(`${base}?${new URLSearchParams({ sent: reference }).toString()}`, 303);
    });
  }
}

/** `/{lang}/account/requests`: a holder asks for termination, a change of details, a transfer. */
export function holderRequestRoutes(
  app: FastifyInstance,
  o: HolderRequestRouteOptions,
): Promise<void> {
  for (const lang of LANGUAGES) routesFor(app, o.lifecycle, lang);
  return Promise.resolve();
}
