import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type FieldError } from '../../domain/errors.ts';
import { setPerRequestHeaders } from '../answer-headers.ts';
import { ErrorPage } from '../web/shell/error-page.tsx';
import { PROBLEM_STATUS, sendProblem, type ProblemCode } from '../problem.ts';
import { pageContext } from '../web/page-context.ts';

interface AjvError {
  readonly instancePath?: string;
  readonly keyword: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

function fieldOf(e: AjvError, context: string | undefined): string {
  const missing = e.params?.missingProperty ?? e.params?.additionalProperty;
  const path = `${e.instancePath ?? ''}${typeof missing === 'string' ? `/${missing}` : ''}`;
  return `${context ?? 'body'}${path === '' ? '' : path.replaceAll('/', '.')}`;
}

/** Turns schema validation failures into stable per-field codes. */
export function fieldErrorsOf(validation: readonly AjvError[], context?: string): FieldError[] {
  return validation.map((e): FieldError => {
    const field = fieldOf(e, context);
    switch (e.keyword) {
      case 'required':
        return { field, code: 'required' };
      case 'type':
        return { field, code: 'invalid_type', params: { expected: String(e.params?.type) } };
      case 'maxLength':
      case 'maxItems':
        return { field, code: 'too_long', params: { limit: Number(e.params?.limit) } };
      case 'additionalProperties':
        return { field, code: 'unknown_field' };
      default:
        return { field, code: 'invalid_value' };
    }
  });
}

const STATUS_CODES = new Map<number, ProblemCode>(
  Object.entries(PROBLEM_STATUS).map(([code, status]) => [status, code as ProblemCode]),
);
STATUS_CODES.set(400, 'bad_request');

/** API clients get problem+json; browsers on pages get a page in their language. */
export function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/') || request.url.startsWith('/openapi')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  params: Readonly<Record<string, string | number>> = {},
  fields: readonly FieldError[] = [],
): FastifyReply {
  if (!wantsHtml(request)) return sendProblem(request, reply, code, params, fields);
  return reply.code(PROBLEM_STATUS[code]).html(ErrorPage({ ctx: pageContext(request), code }));
}

function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof DomainError)
    return respond(request, reply, error.code, error.details, error.fieldErrors);
  if (error.validation) {
    return respond(
      request,
      reply,
      'validation_failed',
      {},
      fieldErrorsOf(error.validation, error.validationContext),
    );
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    request.log.info({ err: error }, 'client error');
    const code = STATUS_CODES.get(status) ?? 'bad_request';
    const limit = request.routeOptions.bodyLimit;
    const accepted = request.routeOptions.config.accepts ?? 'application/json';
    const received = request.headers['content-type'] ?? '-';
    const seconds = Number(reply.getHeader('retry-after') ?? 60);
    return respond(request, reply, code, {
      limit,
      accepted,
      received,
      seconds,
      available: 'application/json',
    });
  }
  request.log.error({ err: error }, 'request failed');
  return respond(request, reply, 'internal_error');
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types a route accepts, named in a 415 answer. */
    accepts?: string;
  }
}

export const errorsPlugin = fp(
  (app, _opts, done) => {
    app.setErrorHandler(handleError);
    // An unknown path meets no context's hooks: its per-request headers are set here.
    app.setNotFoundHandler((request, reply) => {
      setPerRequestHeaders(request, reply);
      return respond(request, reply, 'not_found');
    });
    done();
  },
  { name: 'errors', dependencies: ['i18n', 'html'] },
);
