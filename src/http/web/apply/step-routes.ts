import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationView } from '../../../app/applications/application-view.ts';
import { attachRegistryExtract } from '../../../app/applications/attach-registry-extract.ts';
import {
  checkAvailability,
  type AvailabilityReport,
} from '../../../app/applications/check-availability.ts';
import { getApplication } from '../../../app/applications/get-application.ts';
import type { ApplicationServices } from '../../../app/applications/ports.ts';
import { saveStep } from '../../../app/applications/save-step.ts';
import type { Account } from '../../../app/accounts/ports.ts';
import {
  isApplicationStep,
  type ApplicationData,
  type ApplicationStep,
} from '../../../domain/application/steps.ts';
import { DomainError, type FieldError } from '../../../domain/errors.ts';
import type { Language } from '../../../i18n/languages.ts';
import { requirePageAccount } from '../../plugins/auth.ts';
import { csrfToken } from '../account/csrf-field.tsx';
import { pageContext } from '../page-context.ts';
import { readMultipart, stepInput, textField, uploadedFile } from './form-input.ts';
import { problemsOf } from './problems.ts';
import { neighbours, StepPage } from './step-page.tsx';

export interface ApplyRouteOptions {
  readonly services: ApplicationServices;
}

interface StepParams {
  readonly id: string;
  readonly step: string;
}

export function signedIn(request: FastifyRequest): Account {
  if (request.account === null) throw new DomainError('unauthorized');
  return request.account;
}

function stepOf(params: StepParams): ApplicationStep {
  if (!isApplicationStep(params.step)) throw new DomainError('not_found');
  return params.step;
}

/** What the register says about the code as saved; nothing when it cannot be read yet. */
async function availabilityOf(
  o: ApplyRouteOptions,
  data: ApplicationData,
): Promise<AvailabilityReport | undefined> {
  const request = data.request;
  if (request === undefined || request.code.trim() === '' || request.countries.length === 0) {
    return undefined;
  }
  const companyName = data.company?.legalName.trim() ?? '';
  try {
    return await checkAvailability(o.services.register, {
      code: request.code,
      countries: request.countries,
      ...(companyName === '' ? {} : { companyName }),
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation_failed') return undefined;
    throw error;
  }
}

function render(
  request: FastifyRequest,
  reply: FastifyReply,
  view: Pick<ApplicationView, 'id' | 'reference' | 'data' | 'files'>,
  step: ApplicationStep,
  extra: {
    errors?: readonly FieldError[];
    availability?: AvailabilityReport;
    warnAbroad?: boolean;
  },
) {
  const ctx = pageContext(request);
  const fromReview = (request.query as Record<string, unknown>).from === 'review';
  return reply.header('cache-control', 'no-store').html(
    StepPage({
      ctx,
      csrf: csrfToken(reply),
      application: view,
      step,
      problems: problemsOf(ctx.lang, ctx.t, extra.errors ?? []),
      ...(extra.availability === undefined ? {} : { availability: extra.availability }),
      ...(extra.warnAbroad === undefined ? {} : { warnAbroad: extra.warnAbroad }),
      fromReview,
    }),
  );
}

async function getStep(o: ApplyRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const params = request.params as StepParams;
  const step = stepOf(params);
  const view = await getApplication(o.services, signedIn(request), params.id);
  if (!view.editable) return reply.redirect(`/${request.lang}/apply/${view.id}/review`, 303);
  let data = view.data;
  const wanted = textField(request.query, 'useCode');
  if (step === 'request' && /^[A-Za-z0-9]{3}$/.test(wanted)) {
    data = { ...data, request: { role: '', countries: [], ...data.request, code: wanted } };
  }
  const availability = step === 'request' ? await availabilityOf(o, view.data) : undefined;
  return render(request, reply, { ...view, data }, step, {
    ...(availability === undefined ? {} : { availability }),
  });
}

const EXTRACT_FIELD = 'company.registryExtract';

/** Stores the uploaded registry extract; its problem, if any, as a field error of the page. */
async function attachUpload(
  o: ApplyRouteOptions,
  request: FastifyRequest,
  id: string,
): Promise<FieldError | undefined> {
  const file = uploadedFile(request.body);
  if (file === undefined) return undefined;
  const tooLarge = { field: EXTRACT_FIELD, code: 'file_too_large', params: { limit: 5 } };
  if (file.tooLarge) return tooLarge;
  try {
    await attachRegistryExtract(o.services, signedIn(request), id, file);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'payload_too_large') return tooLarge;
    if (error.code === 'unsupported_media_type' || error.code === 'unprocessable') {
      return { field: EXTRACT_FIELD, code: 'not_a_pdf' };
    }
    throw error;
  }
}

async function postStep(o: ApplyRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const params = request.params as StepParams;
  const step = stepOf(params);
  const review = `/${request.lang}/apply/${params.id}/review`;
  let saved;
  try {
    saved = await saveStep(
      o.services,
      signedIn(request),
      params.id,
      step,
      stepInput(step, request.body),
    );
  } catch (error) {
    // Submitted meanwhile (another tab): show it as it now is, read-only.
    if (error instanceof DomainError && error.code === 'conflict')
      return reply.redirect(review, 303);
    throw error;
  }
  const errors = [...saved.errors];
  const uploadProblem = step === 'company' ? await attachUpload(o, request, params.id) : undefined;
  if (uploadProblem !== undefined) errors.push(uploadProblem);
  const view =
    step === 'company'
      ? await getApplication(o.services, signedIn(request), params.id)
      : saved.application;
  const availability = step === 'request' ? await availabilityOf(o, view.data) : undefined;
  const extra = availability === undefined ? {} : { availability };
  if (errors.length > 0) {
    return render(request, reply.code(400), view, step, { ...extra, errors });
  }
  const fromReview = (request.query as Record<string, unknown>).from === 'review';
  if (availability !== undefined && availability.heldAbroad.length > 0) {
    return render(request, reply, view, step, { ...extra, warnAbroad: true });
  }
  const next = fromReview ? 'review' : neighbours(step).next;
  return reply.redirect(`/${request.lang}/apply/${params.id}/${next}`, 303);
}

/** `/{lang}/apply/{id}/{step}`: GET shows the step as saved, POST saves it (valid or not). */
export function stepRoutes(app: FastifyInstance, o: ApplyRouteOptions, lang: Language): void {
  const path = `/${lang}/apply/:id/:step`;
  const hide = { schema: { hide: true }, preHandler: requirePageAccount };
  app.get(path, hide, (request, reply) => getStep(o, request, reply));
  app.post(
    path,
    {
      ...hide,
      // The form may be multipart (the company step's file): read it before checking the token.
      preValidation: [
        readMultipart,
        (request, reply, done) => {
          app.csrfProtection(request, reply, done);
        },
      ],
    },
    (request, reply) => postStep(o, request, reply),
  );
}
