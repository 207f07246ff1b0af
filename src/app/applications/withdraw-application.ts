import { isWithdrawable } from '../../domain/application/application-status.ts';
import { DomainError } from '../../domain/errors.ts';
import { ownApplication, viewOf, type ApplicationView } from './application-view.ts';
import { notifyAfterCommit } from './notify.ts';
import { applicantAudit } from './applicant-audit.ts';
import type { ApplicantAccount, ApplicationServices } from './ports.ts';

/**
 * Takes back a draft, a submitted application not yet taken by a reviewer, or one on which more
 * information was requested (`conflict` otherwise), and tells the applicant.
 */
export async function withdrawApplication(
  deps: ApplicationServices,
  account: ApplicantAccount,
  id: string,
): Promise<ApplicationView> {
  const record = await ownApplication(deps, account, id);
  if (!isWithdrawable(record.status)) throw new DomainError('conflict', { status: record.status });
  const at = deps.clock.now().toISOString();
  const moved = await deps.applications.transition({
    id,
    organisationId: account.organisationId,
    from: record.status,
    to: 'withdrawn',
    event: {
      applicationId: id,
      type: 'withdrawn',
      fromStatus: record.status,
      toStatus: 'withdrawn',
      actor: account.id,
      note: null,
      at,
    },
    audit: applicantAudit(account, id, 'application.withdrawn', at, {
      before: { status: record.status },
      after: { status: 'withdrawn' },
    }),
  });
  if (!moved) throw new DomainError('conflict');
  const withdrawn = { ...record, status: 'withdrawn' as const, updatedAt: at };
  await notifyAfterCommit(deps, withdrawn, () =>
    deps.notifier.applicationStatusChanged(account.email, record.lang, {
      reference: record.reference,
      status: 'withdrawn',
    }),
  );
  return viewOf(deps, withdrawn);
}
