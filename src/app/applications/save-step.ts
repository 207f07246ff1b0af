import { isEditable } from '../../domain/application/application-status.ts';
import { rawStep } from '../../domain/application/raw-input.ts';
import {
  advancePosition,
  isApplicationStep,
  type ApplicationData,
  type ApplicationStep,
} from '../../domain/application/steps.ts';
import { validateStep } from '../../domain/application/validate-steps.ts';
import { DomainError, type FieldError } from '../../domain/errors.ts';
import { ownApplication, viewOf, type ApplicationView } from './application-view.ts';
import { availabilityIn } from './check-availability.ts';
import { crossStepErrors } from '../../domain/application/application-rules.ts';
import { applicantAudit } from './applicant-audit.ts';
import type { ApplicantAccount, ApplicationServices } from './ports.ts';

export interface SaveStepResult {
  /** The application after the save: the typed values are kept whether valid or not. */
  readonly application: ApplicationView;
  readonly step: ApplicationStep;
  readonly valid: boolean;
  /** Fields named `<step>.<field>`, e.g. `company.legalEntityNumber`. */
  readonly errors: readonly FieldError[];
}

/** The request step also needs the code to be free in every requested country. */
async function requestAvailabilityErrors(
  deps: ApplicationServices,
  data: ApplicationData,
): Promise<FieldError[]> {
  const checked = validateStep('request', data, deps.checks);
  const values = checked.values as { code: string; countries: string[] } | undefined;
  if (values === undefined) return [];
  const states = await availabilityIn(deps.register, values.code, values.countries);
  return crossStepErrors({
    countries: values.countries,
    seatCountry: '',
    holdsCode: true,
    availability: Object.fromEntries(states.map((s) => [s.country, s.availability])),
  });
}

/** The names of the step's fields whose typed value changed (`company.legalName`): never the values. */
function changedFields(
  step: ApplicationStep,
  before: ApplicationData,
  after: ApplicationData,
): string[] {
  const old = (before[step] ?? {}) as Readonly<Record<string, unknown>>;
  const now = (after[step] ?? {}) as Readonly<Record<string, unknown>>;
  const names = new Set([...Object.keys(old), ...Object.keys(now)]);
  return [...names]
    .filter((name) => JSON.stringify(old[name] ?? '') !== JSON.stringify(now[name] ?? ''))
    .sort()
    .map((name) => `${step}.${name}`);
}

/**
 * Saves one step as typed, ALWAYS, even when invalid, and answers its errors. The position moves
 * on only when the step is valid. Only a draft, or an application on which more information was
 * requested, can be saved (`conflict` otherwise). Each save is audited with the names of the
 * fields it changed, not their values.
 */
export async function saveStep(
  deps: ApplicationServices,
  account: ApplicantAccount,
  id: string,
  step: string,
  input: unknown,
): Promise<SaveStepResult> {
  if (!isApplicationStep(step)) {
    throw new DomainError('validation_failed', {}, [{ field: 'step', code: 'invalid_choice' }]);
  }
  const record = await ownApplication(deps, account, id);
  if (!isEditable(record.status)) throw new DomainError('conflict', { status: record.status });
  const data: ApplicationData = { ...record.data, [step]: rawStep(step, input) };
  const errors = [...validateStep(step, data, deps.checks).errors];
  if (step === 'request' && errors.length === 0) {
    errors.push(...(await requestAvailabilityErrors(deps, data)));
  }
  const valid = errors.length === 0;
  const currentStep = valid ? advancePosition(record.currentStep, step) : record.currentStep;
  const at = deps.clock.now().toISOString();
  const saved = await deps.applications.saveDraft(
    id,
    account.organisationId,
    { data, currentStep, at },
    applicantAudit(account, id, 'application.draft_saved', at, {
      after: {
        status: record.status,
        step,
        valid,
        currentStep,
        changed: changedFields(step, record.data, data),
      },
    }),
  );
  if (!saved) throw new DomainError('conflict');
  const application = await viewOf(deps, { ...record, data, currentStep, updatedAt: at });
  return { application, step, valid, errors };
}
