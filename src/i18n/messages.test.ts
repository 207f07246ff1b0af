import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMessages, MESSAGES_DIR } from './i18n.ts';
import { LANGUAGES } from './languages.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix === '' ? k : `${prefix}.${k}`));
}

function placeholdersOf(text: unknown): string[] {
  return typeof text === 'string'
    ? [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort()
    : [];
}

describe('message files', () => {
  const messages = loadMessages();
  const namespaces = (lang: string) => readdirSync(join(MESSAGES_DIR, lang)).sort();

  it('every language has the same namespaces', () => {
    for (const lang of LANGUAGES) assert.deepEqual(namespaces(lang), namespaces('en'), lang);
  });

  for (const ns of namespaces('en').map((f) => f.replace(/\.json$/, ''))) {
    it(`${ns}: every language has the same keys, non-empty, with the same placeholders`, () => {
      const reference = messages.en?.[ns];
      const expected = keysOf(reference).sort();
      for (const lang of LANGUAGES) {
        const bundle = messages[lang]?.[ns];
        assert.deepEqual(keysOf(bundle).sort(), expected, `${lang}/${ns}.json keys differ from en`);
        for (const key of expected) {
          const get = (b: unknown) =>
            key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], b);
          const text = get(bundle);
          assert.ok(
            typeof text === 'string' && text.trim() !== '',
            `${lang}/${ns}: ${key} is empty`,
          );
          assert.deepEqual(
            placeholdersOf(text),
            placeholdersOf(get(reference)),
            `${lang}/${ns}: ${key} placeholders`,
          );
        }
      }
    });
  }
});
