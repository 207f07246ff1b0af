import fp from 'fastify-plugin';
import type { TFunction } from 'i18next';
import type { Translator } from '../../i18n/i18n.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { negotiateLanguage } from '../../i18n/negotiate-language.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The page's language (from the URL) or, elsewhere, the one `Accept-Language` prefers. */
    lang: Language;
    /** Translation function bound to `lang`. */
    t: TFunction;
  }
}

/** The language of a URL whose first segment is a language code (`/fr/...`), if any. */
export function languageOfPath(url: string): Language | undefined {
  const segment = url.slice(1, 3);
  return isLanguage(segment) && (url.length === 3 || '/?#'.includes(url.charAt(3)))
    ? segment
    : undefined;
}

export const i18nPlugin = fp<{ translator: Translator }>(
  (app, { translator }, done) => {
    app.decorateRequest('lang', 'en');
    app.decorateRequest('t', null as unknown as TFunction);
    app.addHook('onRequest', (request, _reply, next) => {
      const lang =
        languageOfPath(request.url) ?? negotiateLanguage(request.headers['accept-language']);
      request.lang = lang;
      request.t = translator.t(lang);
      next();
    });
    done();
  },
  { name: 'i18n' },
);
