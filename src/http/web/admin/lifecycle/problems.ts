import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../domain/errors.ts';
import { startOfDay } from '../../../../domain/register/lifecycle-rules.ts';
import { formatDate } from '../../register/formatting.ts';
import type { FormProblem } from './form-fields.tsx';

/**
 * The problems of a failed operation, translated, each pointing at its field in the form whose
 * ids start with `prefix`: field errors (`400`), or the state of things (`409`) pointing at the
 * form's heading. Undefined for any other error, which the caller lets through.
 */
export function problemsOf(
  request: FastifyRequest,
  error: unknown,
  prefix: string,
  ns = 'admin-lifecycle',
): { readonly status: number; readonly problems: FormProblem[] } | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const t = request.t;
  if (error.code === 'validation_failed' && error.fieldErrors.length > 0) {
    const problems = error.fieldErrors.map((e) => {
      const params: Record<string, string | number> = { ...e.params };
      if (typeof params.earliest === 'string') {
        params.earliest = formatDate(request.lang, startOfDay(params.earliest));
      }
      const general = t(`${ns}:fieldErrors.${e.code}`, {
        ...params,
        defaultValue: t(`${ns}:fieldErrors.invalid`),
      });
      return {
        id: `${prefix}-${e.field}`,
        message: t(`${ns}:fieldErrors.${e.field}.${e.code}`, { ...params, defaultValue: general }),
      };
    });
    return { status: 400, problems };
  }
  if (error.code === 'conflict') {
    const reason = typeof error.details.reason === 'string' ? error.details.reason : 'other';
    const message = t(`${ns}:conflicts.${reason}`, { defaultValue: t(`${ns}:conflicts.other`) });
    return { status: 409, problems: [{ id: `${prefix}-heading`, message }] };
  }
  return undefined;
}

/** A form field as the browser sent it: a single string, or empty. */
export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Readonly<Record<string, unknown>>)[name];
  return typeof value === 'string' ? value : '';
}

/** Every string field of a form, for showing back what was typed. */
export function fieldsOf(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf')
      .map(([k, v]) => [k, v.slice(0, 2000)]),
  );
}

/** After a change: back to a page with a notice of what was done (POST, then GET). */
export function doneRedirect(reply: FastifyReply, path: string, done: string) {
  return reply.redirect(`${path}?${new URLSearchParams({ done }).toString()}`, 303);
}
