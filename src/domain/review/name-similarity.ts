import { foldForSearch } from '../register/search-text.ts';

/**
 * Legal forms of the Benelux and its neighbours, folded: `Laadpalen NV` and `Laadpalen BV` are the
 * same name for a reviewer looking for duplicates.
 */
const LEGAL_FORMS = new Set([
  'nv',
  'bv',
  'bvba',
  'vof',
  'cv',
  'cvba',
  'vzw',
  'sa',
  'sarl',
  'sprl',
  'srl',
  'sas',
  'sc',
  'scrl',
  'asbl',
  'scs',
  'snc',
  'se',
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'ev',
  'eg',
  'ltd',
  'limited',
  'plc',
  'llc',
  'inc',
  'corp',
  'co',
  'sl',
  'spa',
  'ab',
  'as',
  'oy',
  'aps',
  'kft',
  'sro',
  'sp',
  'zoo',
]);

/** Words many company names share: a name made of these alone says nothing about who it is. */
const GENERIC = new Set([
  'the',
  'de',
  'het',
  'een',
  'le',
  'la',
  'les',
  'du',
  'des',
  'et',
  'en',
  'and',
  'und',
  'der',
  'die',
  'das',
  'van',
  'von',
  'of',
  'group',
  'groep',
  'groupe',
  'gruppe',
  'holding',
  'holdings',
  'services',
  'service',
  'solutions',
  'solution',
  'international',
  'benelux',
  'belgium',
  'belgique',
  'belgie',
  'nederland',
  'netherlands',
  'luxembourg',
  'europe',
  'energy',
  'energie',
  'mobility',
  'emobility',
  'mobilite',
  'mobiliteit',
  'charging',
  'charge',
  'laden',
  'laadpalen',
  'laadpunten',
  'bornes',
  'recharge',
  'power',
  'electric',
  'electrique',
  'elektrisch',
  'company',
  'networks',
  'network',
]);

/** The distinctive part of a name: folded, punctuation and legal forms (`S.A.`, `bv`) removed. */
export function nameCore(name: string): string {
  return foldForSearch(name)
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w))
    .join(' ');
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How much the two cores look alike, 0 to 1, from their spelling. */
function spelling(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  return 1 - levenshtein(a.slice(0, 120), b.slice(0, 120)) / Math.min(longest, 120);
}

/** One name's words all in the other, at least one of them distinctive: `Allego` in `Allego Belgium`. */
function contained(a: readonly string[], b: readonly string[]): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const words = new Set(longer);
  return (
    shorter.length > 0 &&
    shorter.every((w) => words.has(w)) &&
    shorter.some((w) => w.length >= 3 && !GENERIC.has(w))
  );
}

export const SIMILAR_NAME_THRESHOLD = 0.8;

/**
 * How similar two organisation names are, from 0 (nothing alike) to 1 (the same name up to
 * case, accents, punctuation and legal form). Symmetric. `0.8` and above is worth a
 * reviewer's look (see `SIMILAR_NAME_THRESHOLD`).
 */
export function nameSimilarity(a: string, b: string): number {
  const [x, y] = [nameCore(a), nameCore(b)];
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const score = spelling(x, y);
  if (contained(x.split(' '), y.split(' '))) return Math.max(score, 0.85);
  return score;
}

export function isSimilarName(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= SIMILAR_NAME_THRESHOLD;
}
