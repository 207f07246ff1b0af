const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Folds text for accent- and case-insensitive search: `Électricité  Société` → `electricite
 * societe`. The same folding is applied to what is stored and to what is searched, so that both
 * databases compare plain lower-case ASCII-like text.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[øł]/g, (c) => (c === 'ø' ? 'o' : 'l'))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key holders are listed by, as the Benelux register lists its companies: the legal name
 * folded like search text (`Électricité SA` and `electra` sort together under e).
 */
export function holderSortName(legalName: string): string {
  return foldForSearch(legalName);
}
