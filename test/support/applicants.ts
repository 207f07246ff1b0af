import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TestApp } from './app.ts';

export interface TestApplicant {
  readonly accountId: string;
  readonly organisationId: string;
  readonly email: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** An organisation with one account and an API token, written straight into the database. */
export async function createApplicant(
  app: TestApp,
  options: { readonly holderId?: string; readonly lang?: string } = {},
): Promise<TestApplicant> {
  const at = new Date().toISOString();
  const organisationId = randomUUID();
  const accountId = randomUUID();
  const email = `applicant-${organisationId.slice(0, 8)}@example.com`;
  const token = `idro_${randomBytes(32).toString('base64url')}`;
  await app.db
    .insertInto('organisation')
    .values({ id: organisationId, name: null, holder_id: options.holderId ?? null, created_at: at })
    .execute();
  await app.db
    .insertInto('account')
    .values({
      id: accountId,
      email,
      organisation_id: organisationId,
      name: 'Test Applicant',
      lang: options.lang ?? 'en',
      created_at: at,
      last_sign_in_at: null,
    })
    .execute();
  await app.db
    .insertInto('api_token')
    .values({
      id: randomUUID(),
      token_hash: createHash('sha256').update(token, 'utf8').digest('hex'),
      account_id: accountId,
      name: 'tests',
      created_at: at,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { accountId, organisationId, email, headers: { authorization: `Bearer ${token}` } };
}

export const VALID_STEPS = {
  request: { role: 'BOTH', countries: ['BE'], code: 'Q7Z' },
  company: {
    legalName: 'Laadpalen Vlaanderen NV',
    legalForm: 'NV',
    seatCountry: 'BE',
    street: 'Rue de la Loi 1',
    postalCode: '1000',
    city: 'Bruxelles',
    website: 'laadpalen.example.be',
    legalEntityNumber: '0403.170.701',
    vatNumber: 'BE 0403.170.701',
  },
  applicant: {
    name: 'Anne Peeters',
    jobTitle: 'Head of e-mobility',
    email: 'anne.peeters@example.be',
    phone: '+32 2 123 45 67',
  },
  invoice: {
    street: 'Rue de la Loi 1',
    postalCode: '1000',
    city: 'Bruxelles',
    country: 'BE',
    email: 'invoices@example.be',
    vatNumber: 'BE0403170701',
    purchaseOrder: 'PO-2026-17',
  },
} as const;

/** A small file that starts as a PDF does. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
