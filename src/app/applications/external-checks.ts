import type * as Jsvat from 'jsvat';
import type * as Phone from 'libphonenumber-js';
import type { ExternalChecks } from '../../domain/application/validate-steps.ts';
import { lazyModule } from '../../lazy-module.ts';

// Loaded with the first application checked: their tables weigh some megabytes.
const jsvat = lazyModule<typeof Jsvat>('jsvat');
const phoneNumbers = lazyModule<typeof Phone>('libphonenumber-js');

/** VAT checksums of the EU member states (jsvat) and phone numbering plans (libphonenumber-js). */
export const externalChecks: ExternalChecks = {
  vatNumber(raw) {
    const compact = raw.replace(/[\s.\-/]/g, '').toUpperCase();
    if (!/^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(compact)) return undefined;
    const { checkVAT, countries } = jsvat();
    const result = checkVAT(compact, countries);
    return result.isValid ? compact : undefined;
  },
  phoneNumber(raw, country) {
    const { isSupportedCountry, parsePhoneNumberFromString } = phoneNumbers();
    const defaultCountry =
      country !== undefined && isSupportedCountry(country) ? country : undefined;
    const phone = parsePhoneNumberFromString(raw, { defaultCountry });
    return phone?.isValid() === true ? phone.number : undefined;
  },
};
