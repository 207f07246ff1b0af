import type { PartyRecord } from '../../../app/register/models.ts';
import type { Role } from '../../../domain/register/roles.ts';
import type { PageContext } from '../../../views/page-context.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const lists = new Map<string, Intl.ListFormat>();
const regions = new Map<string, Intl.DisplayNames>();

// Formatters are costly to build and immutable: one per language, kept for the process.
function cached<T>(cache: Map<string, T>, lang: string, make: () => T): T {
  let value = cache.get(lang);
  if (value === undefined) {
    value = make();
    cache.set(lang, value);
  }
  return value;
}

/** A register date in the page's language; dates are stored in UTC, so they are shown in UTC. */
export function formatDate(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(
    dateFormats,
    lang,
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(date);
}

/** `2021-07` as "July 2021" in the page's language. */
export function formatMonth(lang: string, month: string): string {
  const date = new Date(`${month}-01T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return month;
  return cached(
    monthFormats,
    lang,
    () => new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ).format(date);
}

export function formatNumber(lang: string, value: number): string {
  return cached(numberFormats, lang, () => new Intl.NumberFormat(lang)).format(value);
}

/** "Belgium", "Belgique", "België", "Belgien": the language's own country names. */
export function countryName(lang: string, country: string): string {
  return (
    cached(regions, lang, () => new Intl.DisplayNames([lang], { type: 'region' })).of(country) ??
    country
  );
}

/** Joins role names the way the language lists things ("CPO et eMSP"). */
export function roleList(ctx: PageContext, roles: readonly Role[], form: 'short' | 'long'): string {
  const list = cached(
    lists,
    ctx.lang,
    () => new Intl.ListFormat(ctx.lang, { style: 'long', type: 'conjunction' }),
  );
  return list.format(roles.map((role) => ctx.t(`register:roles.${form}.${role}`)));
}

/** The two display forms of a party ID: `BE*ABC` as operators write it, `BE-ABC` as providers do. */
export function displayForms(record: Pick<PartyRecord, 'country' | 'code'>): {
  readonly cpo: string;
  readonly emsp: string;
} {
  return { cpo: `${record.country}*${record.code}`, emsp: `${record.country}-${record.code}` };
}

/** The page of one code, in the page's language. */
export function partyPath(lang: string, record: Pick<PartyRecord, 'country' | 'code'>): string {
  return `/${lang}/register/${record.country}/${record.code}`;
}

/** `BEABC` to its page; keys are always five characters, country first. */
export function partyPathOfKey(lang: string, key: string): string {
  return partyPath(lang, { country: key.slice(0, 2), code: key.slice(2) });
}

/**
 * A holder's website as a safe link target. Websites come from imports and from applicants, so
 * anything but a plain http(s) URL (a `javascript:` URL, say) is shown as text, never linked.
 */
export function safeWebsite(website: string | null): string | undefined {
  if (website === null || !/^https?:\/\//i.test(website) || !URL.canParse(website)) {
    return undefined;
  }
  return website;
}
