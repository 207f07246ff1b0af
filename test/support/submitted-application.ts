import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { createApplicant, VALID_STEPS, type TestApplicant } from './applicants.ts';

export interface SubmittedApplication {
  readonly id: string;
  readonly reference: string;
  readonly applicant: TestApplicant;
}

type Steps = { readonly [K in keyof typeof VALID_STEPS]?: Record<string, unknown> };

/**
 * An application filled in and submitted through the API by a new applicant organisation (or
 * the one given), in the language given; steps default to `VALID_STEPS` (code Q7Z in Belgium).
 */
export async function submitApplication(
  app: TestApp,
  options: {
    readonly lang?: string;
    readonly applicant?: TestApplicant;
    readonly steps?: Steps;
    readonly pdf?: Buffer;
  } = {},
): Promise<SubmittedApplication> {
  const lang = options.lang ?? 'en';
  const applicant = options.applicant ?? (await createApplicant(app, { lang }));
  const headers = { ...applicant.headers, 'accept-language': lang };
  const started = await app.inject({ method: 'POST', url: '/api/v1/applications', headers });
  assert.equal(started.statusCode, 201, started.body);
  const { id } = started.json<{ id: string }>();
  for (const [step, body] of Object.entries({ ...VALID_STEPS, ...options.steps })) {
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/applications/${id}/steps/${step}`,
      headers,
      payload: body,
    });
    assert.equal(saved.statusCode, 200, `${step}: ${saved.body}`);
  }
  if (options.pdf !== undefined) {
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/registry-extract?filename=extract.pdf`,
      headers: { ...headers, 'content-type': 'application/pdf' },
      payload: options.pdf,
    });
    assert.equal(upload.statusCode, 201, upload.body);
  }
  const submitted = await app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/submit`,
    headers,
    payload: { acceptTerms: true },
  });
  assert.equal(submitted.statusCode, 200, submitted.body);
  return { id, reference: submitted.json<{ reference: string }>().reference, applicant };
}
