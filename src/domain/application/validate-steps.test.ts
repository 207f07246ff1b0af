import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rawStep, STORED_FIELD_LIMIT } from './raw-input.ts';
import {
  validateApplicant,
  validateCompany,
  validateInvoice,
  validateRequest,
  type ExternalChecks,
} from './validate-steps.ts';

/** VAT numbers ending in 1 and phone numbers starting with + pass; enough to test the wiring. */
const checks: ExternalChecks = {
  vatNumber: (raw) => (raw.endsWith('1') ? raw.replace(/\s/g, '').toUpperCase() : undefined),
  phoneNumber: (raw, country) =>
    raw.startsWith('+') || country === 'BE' ? '+3221234567' : undefined,
};

const codes = (result: { errors: readonly { field: string; code: string }[] }) =>
  result.errors.map((e) => `${e.field}:${e.code}`).sort();

const company = {
  legalName: '  Laadpalen   Vlaanderen NV ',
  legalForm: 'NV',
  seatCountry: 'be',
  street: 'Rue de la Loi 1',
  postalCode: '1000',
  city: 'Bruxelles',
  website: 'example.be',
  legalEntityNumber: 'BE 0403 170 701',
  vatNumber: 'be0403170701',
};

describe('application steps', () => {
  it('normalises a valid request: role, countries in order, code in upper case', () => {
    const result = validateRequest({
      role: 'both',
      countries: ['lu', 'BE', 'LU'],
      code: ' be*q7z ',
    });
    assert.deepEqual(result, {
      values: { role: 'BOTH', countries: ['BE', 'LU'], code: 'Q7Z' },
      errors: [],
    });
  });

  it('names every wrong request field', () => {
    assert.deepEqual(codes(validateRequest({ role: 'owner', countries: ['FR'], code: 'AB' })), [
      'request.code:invalid_party_code',
      'request.countries:invalid_choice',
      'request.role:invalid_choice',
    ]);
    assert.deepEqual(codes(validateRequest(rawStep('request', {}))), [
      'request.code:required',
      'request.countries:required',
      'request.role:required',
    ]);
  });

  it('trims and folds spaces, checks the enterprise number and the website', () => {
    const values = validateCompany(company, checks).values;
    assert.ok(values);
    assert.equal(values.legalName, 'Laadpalen Vlaanderen NV');
    assert.equal(values.seatCountry, 'BE');
    assert.equal(values.legalEntityNumber, '0403.170.701');
    assert.equal(values.website, 'https://example.be/');
    assert.equal(values.vatNumber, 'BE0403170701');
  });

  it('uses the legal-entity check of the seat country', () => {
    const wrong = { ...company, legalEntityNumber: '0403.170.702' };
    assert.deepEqual(codes(validateCompany(wrong, checks)), [
      'company.legalEntityNumber:invalid_enterprise_number',
    ]);
    const nl = { ...company, seatCountry: 'NL', legalEntityNumber: '123' };
    assert.deepEqual(codes(validateCompany(nl, checks)), [
      'company.legalEntityNumber:invalid_kvk_number',
    ]);
    const lu = { ...company, seatCountry: 'LU', legalEntityNumber: '123456' };
    assert.deepEqual(codes(validateCompany(lu, checks)), [
      'company.legalEntityNumber:invalid_rcs_number',
    ]);
    const de = { ...company, seatCountry: 'DE', legalEntityNumber: 'HRB 12345' };
    assert.deepEqual(codes(validateCompany(de, checks)), []);
  });

  it('refuses markup, control characters, over-long values and unknown countries', () => {
    const hostile = {
      ...company,
      legalName: '<script>alert(1)</script>',
      legalForm: 'N\u0000V',
      city: 'x'.repeat(101),
      seatCountry: 'XX',
      website: 'javascript:alert(1)',
      vatNumber: 'BE0403170702',
    };
    assert.deepEqual(codes(validateCompany(hostile, checks)), [
      'company.city:too_long',
      'company.legalForm:invalid_characters',
      'company.legalName:invalid_characters',
      'company.seatCountry:invalid_country',
      'company.vatNumber:invalid_vat_number',
      'company.website:invalid_website',
    ]);
  });

  it('checks the applicant e-mail and phone, and the invoice details', () => {
    const applicant = {
      name: 'Anne',
      jobTitle: 'CEO',
      email: 'Anne@Example.BE',
      phone: '02 123 45 67',
    };
    assert.equal(validateApplicant(applicant, checks, 'BE').values?.email, 'Anne@example.be');
    assert.deepEqual(
      codes(validateApplicant({ ...applicant, email: 'a@b', phone: '0' }, checks, 'NL')),
      ['applicant.email:invalid_email', 'applicant.phone:invalid_phone'],
    );
    const invoice = rawStep('invoice', {
      street: 'a',
      postalCode: '1',
      city: 'c',
      country: 'be',
      email: 'x@y.be',
    });
    const values = validateInvoice(invoice, checks).values;
    assert.ok(values);
    assert.equal(values.vatNumber, null);
    assert.equal(values.purchaseOrder, null);
  });

  it('keeps only known fields, as text, cut to the stored limit', () => {
    const raw = rawStep('company', {
      legalName: 'y'.repeat(STORED_FIELD_LIMIT + 50),
      legalForm: 42,
      city: { $ne: 1 },
      extra: 'dropped',
    });
    assert.equal(raw.legalName.length, STORED_FIELD_LIMIT);
    assert.equal(raw.legalForm, '42');
    assert.equal(raw.city, '');
    assert.ok(!('extra' in raw));
    assert.deepEqual(rawStep('request', { countries: 'BE, NL' }).countries, ['BE', ' NL']);
  });
});
