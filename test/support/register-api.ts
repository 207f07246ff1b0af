import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';

/** The parts of the register API's answers that the tests read. */
export interface Party {
  id: string;
  countryCode: string;
  roles: string[];
  status: string;
  inForce: boolean;
  holder: { name: string; website: string | null };
  links: { self: string };
}

export interface PartyList {
  parties: Party[];
  nextCursor: string | null;
  links: { self: string; next: string | null };
}

export interface Problem {
  status: number;
  code: string;
  reason?: string;
  position?: number;
  errors?: { field: string; code: string }[];
}

export interface Change {
  sequence: number;
  type: string;
  toStatus: string | null;
  party: Party;
}

export interface ChangePage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** GET requests on the app, and a check that an answer is the expected problem. */
export function registerApi(app: FastifyInstance) {
  const get = (url: string, headers: Readonly<Record<string, string>> = {}) =>
    app.inject({ url, headers });
  return {
    get,
    async problem(url: string, status: number, code: string): Promise<Problem> {
      const res = await get(url);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      assert.equal(res.headers['content-type'], PROBLEM_TYPE);
      const body = res.json<Problem>();
      assert.equal(body.code, code);
      return body;
    },
  };
}
