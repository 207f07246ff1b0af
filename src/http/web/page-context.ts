import type { FastifyRequest } from 'fastify';
import type { PageContext } from '../../views/page-context.ts';
import { languageOfPath } from '../plugins/i18n.ts';

/** The shell context of a page request: its language and its path without the language prefix. */
export function pageContext(request: FastifyRequest): PageContext {
  const [pathname = '/', search] = request.url.split('?', 2);
  const withoutLang = languageOfPath(pathname) === undefined ? pathname : pathname.slice(3);
  return {
    lang: request.lang,
    t: request.t,
    path: withoutLang === '' ? '/' : withoutLang,
    query: search === undefined || request.method !== 'GET' ? '' : `?${search}`,
    // Without the accounts plugin (benchmarks) the decoration is absent.
    signedIn: (request.account ?? null) !== null,
  };
}
