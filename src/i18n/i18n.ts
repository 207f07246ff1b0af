import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';

export const MESSAGES_DIR = join(import.meta.dirname, 'messages');

/** Reads every `messages/<lang>/<namespace>.json` file. */
export function loadMessages(dir: string = MESSAGES_DIR): Resource {
  const resources: Resource = {};
  for (const lang of LANGUAGES) {
    const namespaces: Record<string, unknown> = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      namespaces[file.slice(0, -'.json'.length)] = JSON.parse(
        readFileSync(join(dir, lang, file), 'utf8'),
      );
    }
    resources[lang] = namespaces as Resource[string];
  }
  return resources;
}

export interface Translator {
  /** A translation function bound to one language; keys are `namespace:key`. */
  readonly t: (lang: Language) => TFunction;
  readonly instance: i18n;
}

/** Creates the translator; synchronous because the messages are read from disk once at start. */
export function createTranslator(resources: Resource = loadMessages()): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources[DEFAULT_LANGUAGE] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const bound = new Map(LANGUAGES.map((lang) => [lang, instance.getFixedT(lang)] as const));
  return {
    instance,
    t: (lang) => bound.get(lang) ?? instance.getFixedT(lang),
  };
}
