import { checkVAT, countries } from 'jsvat';
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ExternalChecks } from '../../domain/application/validate-steps.ts';

/** VAT checksums of the EU member states (jsvat) and phone numbering plans (libphonenumber-js). */
export const externalChecks: ExternalChecks = {
  vatNumber(raw) {
    const compact = raw.replace(/[\s.\-/]/g, '').toUpperCase();
    if (!/^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(compact)) return undefined;
    const result = checkVAT(compact, countries);
    return result.isValid ? compact : undefined;
  },
  phoneNumber(raw, country) {
    const defaultCountry =
      country !== undefined && isSupportedCountry(country) ? country : undefined;
    const phone = parsePhoneNumberFromString(raw, { defaultCountry });
    return phone?.isValid() === true ? phone.number : undefined;
  },
};
