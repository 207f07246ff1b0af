import { join } from 'node:path';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import type { AccountDeps } from '../app/accounts/ports.ts';
import type { ApplicationServices } from '../app/applications/ports.ts';
import type { BackOfficeServices } from '../app/back-office.ts';
import type { HealthProbe } from '../app/ports.ts';
import type { RegisterServices } from '../app/register/services.ts';
import type { Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import type { Translator } from '../i18n/i18n.ts';
import { negotiateLanguage } from '../i18n/negotiate-language.ts';
import { accountApiRoutes } from './api/v1/account/routes.ts';
import { applicationsApiRoutes } from './api/v1/applications/routes.ts';
import { healthRoutes } from './api/health/routes.ts';
import { useApiSecurityHeaders, usePublicApiHeaders } from './api/api-headers.ts';
import {
  protocolOf,
  requestIdOf,
  setPerRequestHeaders,
  useAnswerHeaders,
} from './answer-headers.ts';
import { MAX_ID_LENGTH, resolveLane } from './api/v1/register/resolve-lane.ts';
import { registerApiRoutes, registerExportAliases } from './api/v1/register/routes.ts';
import { validateApiRoutes } from './api/v1/validate/routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { htmlPlugin } from './plugins/html.ts';
import { i18nPlugin } from './plugins/i18n.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { staffAuthPlugin } from './plugins/staff-auth.ts';
import { sendProblem } from './problem.ts';
import { putLaneInFront } from './lane.ts';
import { accountPageRoutes } from './web/account/routes.ts';
import { holderRequestRoutes } from './web/account/requests/routes.ts';
import { adminPageRoutes } from './web/admin/admin-routes.ts';
import { applyPageRoutes } from './web/apply/routes.ts';
import { registerPageRoutes } from './web/register/routes.ts';
import { shellRoutes } from './web/shell/routes.ts';
import { validatePageRoutes } from './web/tools/validate/routes.ts';

export interface AppDependencies {
  readonly config: Pick<
    Config,
    'bodyLimit' | 'validateBodyLimit' | 'publicUrl' | 'trustProxy' | 'cookieSecure'
  >;
  readonly translator: Translator;
  readonly health: HealthProbe;
  readonly register: RegisterServices;
  /** Accounts, sign-in and mail; without them (benchmarks) no account routes are served. */
  readonly accounts?: AccountDeps;
  /** The application use cases; served with the account routes. */
  readonly applications?: ApplicationServices;
  /** The staff's side: sign-in, review, lifecycle, audit; served with the account routes. */
  readonly backOffice?: BackOfficeServices;
  readonly version: string;
  /** Logger settings; `false` for silence in tests. */
  readonly logger: FastifyServerOptions['logger'];
  /** Told of every route as it is added: the route inventory behind the access-matrix test. */
  readonly observeRoute?: (route: RouteOptions) => void;
}

/** Builds the whole application, routes and plugins, without listening. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_ID_LENGTH },
    requestIdHeader: false,
    // Errors met before routing (a malformed URL) get a problem in the reader's language too.
    // Such a request is made without the plugins' decorators: its language is set here.
    frameworkErrors: (error, request, reply) => {
      request.lang = negotiateLanguage(request.headers['accept-language']);
      request.t = deps.translator.t(request.lang);
      setPerRequestHeaders(request, reply, protocolOf(request.raw, deps.config.trustProxy));
      request.log.info({ err: error }, 'malformed request');
      void sendProblem(request, reply, 'bad_request');
    },
    genReqId: (req) => requestIdOf(req.headers),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The hottest request, a resolve whose answer is at hand, is answered in front of the router.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  putLaneInFront(
    app.server,
    resolveLane({
      lookup: deps.register.lookup,
      trustProxy: deps.config.trustProxy,
      ...(deps.logger === false ? {} : { logger: app.log }),
      closing: () => closing,
    }),
  );

  const observe = deps.observeRoute;
  if (observe !== undefined) app.addHook('onRoute', observe);

  await app.register(i18nPlugin, { translator: deps.translator });
  await app.register(htmlPlugin);
  await app.register(errorsPlugin);
  await app.register(formbody, { bodyLimit: deps.config.bodyLimit });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new DomainError('too_many_requests', { seconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(openApiPlugin, { version: deps.version, publicUrl: deps.config.publicUrl });
  await app.register(publicApi, deps);
  await app.register(signedInArea, deps);
  return app;
}

/**
 * The public JSON API: no session, no page headers (an answer is never a document), so the
 * resolve hot path carries only what it needs.
 */
async function publicApi(api: FastifyInstance, deps: AppDependencies): Promise<void> {
  usePublicApiHeaders(api);
  await api.register(healthRoutes, { probe: deps.health, version: deps.version });
  await api.register(validateApiRoutes, {
    prefix: '/api/v1',
    bodyLimit: deps.config.validateBodyLimit,
  });
  await api.register(registerApiRoutes, { prefix: '/api/v1', register: deps.register });
  await api.register(registerExportAliases, { register: deps.register });
}

/** Everything that knows who is signed in: the pages, and the account and application API. */
async function signedInArea(area: FastifyInstance, deps: AppDependencies): Promise<void> {
  // First, so that an answer given by the sign-in hooks (a redirect) carries the id too.
  useAnswerHeaders(area);
  if (deps.accounts !== undefined) {
    await area.register(authPlugin, {
      accounts: deps.accounts,
      cookieSecure: deps.config.cookieSecure,
    });
    if (deps.backOffice !== undefined) {
      await area.register(staffAuthPlugin, { staff: deps.backOffice.staff });
    }
  }
  await area.register(pages, deps);
  const { accounts, applications } = deps;
  if (accounts === undefined) return;
  await area.register(async (api) => {
    useApiSecurityHeaders(api, { perRequest: false });
    await api.register(accountApiRoutes, { prefix: '/api/v1' });
    if (applications !== undefined) {
      await api.register(applicationsApiRoutes, { prefix: '/api/v1', services: applications });
    }
  });
}

/** The pages, under the page security policy: no inline script or style. */
async function pages(web: FastifyInstance, deps: AppDependencies): Promise<void> {
  await web.register(helmet, {
    // Sent by `useAnswerHeaders`, on HTTPS answers only.
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await web.register(fastifyStatic, {
    root: join(import.meta.dirname, 'web', 'assets'),
    prefix: '/assets/',
    maxAge: '1h',
  });
  await web.register(shellRoutes);
  await web.register(validatePageRoutes);
  await web.register(registerPageRoutes, { register: deps.register });
  if (deps.accounts === undefined) return;
  await web.register(accountPageRoutes, {
    accounts: deps.accounts,
    publicUrl: deps.config.publicUrl,
    cookieSecure: deps.config.cookieSecure,
  });
  if (deps.applications !== undefined) {
    await web.register(applyPageRoutes, { services: deps.applications });
  }
  if (deps.backOffice !== undefined) {
    await web.register(holderRequestRoutes, { lifecycle: deps.backOffice.lifecycle });
    await web.register(adminPageRoutes, {
      services: deps.backOffice,
      publicUrl: deps.config.publicUrl,
      cookieSecure: deps.config.cookieSecure,
    });
  }
}
