import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.ts';

interface Weighted {
  readonly tag: string;
  readonly q: number;
  readonly order: number;
}

function parse(header: string): Weighted[] {
  return header.split(',').flatMap((part, order): Weighted[] => {
    const [range = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (range === '' || !Number.isFinite(q) || q <= 0 || q > 1) return [];
    return [{ tag: range.toLowerCase(), q, order }];
  });
}

/** Picks the service language an `Accept-Language` header prefers (RFC 9110 §12.5.4). */
export function negotiateLanguage(header: string | undefined): Language {
  if (header === undefined || header.length > 1000) return DEFAULT_LANGUAGE;
  const ranked = parse(header).sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLanguage(primary)) return primary;
    if (tag === '*') return DEFAULT_LANGUAGE;
  }
  return DEFAULT_LANGUAGE;
}
