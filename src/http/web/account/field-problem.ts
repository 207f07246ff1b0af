import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import type { FieldProblem } from './form-errors.tsx';

/** The first field error of a failed use case, translated for the page; else undefined. */
export function fieldProblemOf(request: FastifyRequest, error: unknown): FieldProblem | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const first = error.fieldErrors[0];
  if (first === undefined) return undefined;
  return {
    field: first.field,
    message: request.t(`account:fieldErrors.${first.field}.${first.code}`, {
      ...first.params,
      defaultValue: request.t('account:fieldErrors.invalid'),
    }),
  };
}

/** A form field as the browser sent it: a single string, or empty. */
export function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Readonly<Record<string, unknown>>)[name];
  return typeof value === 'string' ? value : '';
}
