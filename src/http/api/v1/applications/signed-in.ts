import type { FastifyRequest } from 'fastify';
import type { ApplicantAccount } from '../../../../app/applications/ports.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { requireApiAccount } from '../../../plugins/auth.ts';

/**
 * Route options for an endpoint that needs a bearer token: the 401 comes before the body is
 * even validated, so an anonymous caller learns nothing from the answer.
 */
export const SIGNED_IN = {
  onRequest: requireApiAccount,
} as const;

export const BEARER = [{ bearer: [] }];

/** The account behind the request; the route's guard has already answered 401 without one. */
export function signedIn(request: FastifyRequest): ApplicantAccount {
  if (request.account === null) throw new DomainError('unauthorized');
  return request.account;
}
