/**
 * Legal-entity numbers of the countries the register serves, checked as far as each country's
 * format allows: the Belgian enterprise number has a mod-97 check; the Dutch KvK number and the
 * Luxembourg RCS number have a fixed shape but no check digit. Other countries: free text.
 */
export type LegalEntityScheme = 'BE_KBO' | 'NL_KVK' | 'LU_RCS' | 'OTHER';

export type LegalEntityResult =
  | {
      readonly ok: true;
      readonly scheme: LegalEntityScheme;
      readonly normalized: string;
      readonly display: string;
    }
  | {
      readonly ok: false;
      readonly scheme: LegalEntityScheme;
      readonly reason: 'empty' | 'bad_format' | 'bad_check_digits' | 'too_long';
    };

const SCHEMES: Readonly<Record<string, LegalEntityScheme>> = {
  BE: 'BE_KBO',
  NL: 'NL_KVK',
  LU: 'LU_RCS',
};

export function schemeForCountry(country: string): LegalEntityScheme {
  return SCHEMES[country] ?? 'OTHER';
}

/** `0403.170.701`, `BE 0403 170 701`, `403170701` → `0403170701`; the check is 97 − (first 8 mod 97). */
function belgian(raw: string): LegalEntityResult {
  const digits = raw.replace(/^BE/i, '').replace(/[\s.\-/]/g, '');
  const padded = digits.length === 9 ? `0${digits}` : digits;
  if (!/^[01]\d{9}$/.test(padded)) return { ok: false, scheme: 'BE_KBO', reason: 'bad_format' };
  const check = 97 - (Number(padded.slice(0, 8)) % 97);
  if (check !== Number(padded.slice(8)))
    return { ok: false, scheme: 'BE_KBO', reason: 'bad_check_digits' };
  const display = `${padded.slice(0, 4)}.${padded.slice(4, 7)}.${padded.slice(7)}`;
  return { ok: true, scheme: 'BE_KBO', normalized: padded, display };
}

/** Eight digits, as the Chamber of Commerce issues them. */
function dutch(raw: string): LegalEntityResult {
  const digits = raw.replace(/^KVK/i, '').replace(/[\s.-]/g, '');
  if (!/^\d{8}$/.test(digits)) return { ok: false, scheme: 'NL_KVK', reason: 'bad_format' };
  return { ok: true, scheme: 'NL_KVK', normalized: digits, display: digits };
}

/** A section letter and up to six digits (`B123456` for companies). */
function luxembourgish(raw: string): LegalEntityResult {
  const value = raw
    .replace(/^RCS(\s*LUXEMBOURG)?/i, '')
    .replace(/[\s.-]/g, '')
    .toUpperCase();
  if (!/^[A-Z][1-9]\d{0,5}$/.test(value))
    return { ok: false, scheme: 'LU_RCS', reason: 'bad_format' };
  return { ok: true, scheme: 'LU_RCS', normalized: value, display: value };
}

/** Checks a legal-entity number for the country of the legal seat. */
export function checkLegalEntityNumber(country: string, raw: string): LegalEntityResult {
  const scheme = schemeForCountry(country);
  const value = raw.trim();
  if (value === '') return { ok: false, scheme, reason: 'empty' };
  if (value.length > 60) return { ok: false, scheme, reason: 'too_long' };
  switch (scheme) {
    case 'BE_KBO':
      return belgian(value);
    case 'NL_KVK':
      return dutch(value);
    case 'LU_RCS':
      return luxembourgish(value);
    case 'OTHER':
      return { ok: true, scheme, normalized: value, display: value };
  }
}
