import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { TFunction } from 'i18next';
import type { Translator } from '../../i18n/i18n.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { negotiateLanguage } from '../../i18n/negotiate-language.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The page's language (from the URL) or, elsewhere, the one `Accept-Language` prefers. Set it
     * to answer in another language; `t` follows.
     */
    lang: Language;
    /** Translation function bound to `lang`. */
    t: TFunction;
    /** `lang` once asked for or set; null until then. */
    chosenLang: Language | null;
    /** `t` once asked for; null until then, and again when `lang` is set. */
    boundT: TFunction | null;
  }
}

/** The language of a URL whose first segment is a language code (`/fr/...`), if any. */
export function languageOfPath(url: string): Language | undefined {
  const segment = url.slice(1, 3);
  return isLanguage(segment) && (url.length === 3 || '/?#'.includes(url.charAt(3)))
    ? segment
    : undefined;
}

/**
 * `request.lang` and `request.t`, worked out when first read rather than on every request: most
 * answers of the public API (a resolved ID, an export) say nothing in words, and a hook on every
 * request is a cost on the hottest path. Setting `lang` re-binds `t`.
 */
export const i18nPlugin = fp<{ translator: Translator }>(
  (app, { translator }, done) => {
    app.decorateRequest('chosenLang', null);
    app.decorateRequest('boundT', null);
    app.decorateRequest('lang', {
      getter(this: FastifyRequest): Language {
        this.chosenLang ??=
          languageOfPath(this.url) ?? negotiateLanguage(this.headers['accept-language']);
        return this.chosenLang;
      },
      setter(this: FastifyRequest, lang: Language) {
        this.chosenLang = lang;
        this.boundT = null;
      },
    });
    app.decorateRequest('t', {
      getter(this: FastifyRequest): TFunction {
        this.boundT ??= translator.t(this.lang);
        return this.boundT;
      },
    });
    done();
  },
  { name: 'i18n' },
);
