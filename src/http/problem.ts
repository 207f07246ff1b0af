import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { FieldError } from '../domain/errors.ts';

/** Every problem code the API can answer with, and its HTTP status: the one mapping table. */
export const PROBLEM_STATUS = {
  validation_failed: 400,
  invalid_id: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal_error: 500,
} as const;
export type ProblemCode = keyof typeof PROBLEM_STATUS;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI reference identifying the problem type' }),
    title: Type.String({ description: 'Short summary, in the language of the request' }),
    status: Type.Integer(),
    detail: Type.String({
      description: 'Explanation of this occurrence, in the language of the request',
    }),
    instance: Type.String({ description: 'The request path' }),
    code: Type.String({ description: 'Stable machine-readable code' }),
    requestId: Type.String({ description: 'Quote it when reporting a problem' }),
    reason: Type.Optional(
      Type.String({
        description: 'For `invalid_id`: why the identifier is invalid (a reason code)',
      }),
    ),
    position: Type.Optional(
      Type.Integer({ description: 'For `invalid_id`: zero-based index of the character at fault' }),
    ),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'JSON pointer or name of the field' }),
          code: Type.String(),
          message: Type.String(),
        }),
      ),
    ),
  },
  { title: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof ProblemSchema>;

/** Builds the RFC 9457 body for a code, translated for the request. */
export function buildProblem(
  request: FastifyRequest,
  code: ProblemCode,
  params: Readonly<Record<string, string | number>> = {},
  fieldErrors: readonly FieldError[] = [],
): Problem {
  const t = request.t;
  const values = { path: request.url.split('?')[0] ?? '', requestId: request.id, ...params };
  const problem: Problem = {
    type: `/docs/problems#${code}`,
    title: t(`problems:${code}.title`),
    status: PROBLEM_STATUS[code],
    detail: t(`problems:${code}.detail`, values),
    instance: values.path,
    code,
    requestId: request.id,
  };
  if (typeof params.reason === 'string') problem.reason = params.reason;
  if (typeof params.position === 'number') problem.position = params.position;
  if (fieldErrors.length > 0) {
    problem.errors = fieldErrors.map((e) => ({
      field: e.field,
      code: e.code,
      message: t(`problems:field.${e.code}`, {
        ...e.params,
        defaultValue: t('problems:field.invalid_value'),
      }),
    }));
  }
  return problem;
}

/** Sends a problem answer. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  params?: Readonly<Record<string, string | number>>,
  fieldErrors?: readonly FieldError[],
): FastifyReply {
  const problem = buildProblem(request, code, params, fieldErrors);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** Response schemas documenting the problems a route can answer with, for the OpenAPI document. */
export function problemResponses(...codes: readonly ProblemCode[]): Record<number, unknown> {
  const responses: Record<number, unknown> = {};
  for (const code of codes) {
    responses[PROBLEM_STATUS[code]] = {
      description: code,
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return responses;
}
