import { DomainError } from '../../domain/errors.ts';
import { requireEmail } from './email-address.ts';
import { addMinutes, INVITATION_DAYS, type Account, type AccountDeps } from './ports.ts';

export interface Invitation {
  readonly email: unknown;
  readonly lang: string;
  readonly linkFor: (token: string) => string;
}

/**
 * Mails a colleague a one-time link that makes them a member of the inviter's organisation.
 * Refuses an address that already has an account, here or in another organisation.
 */
export async function inviteColleague(
  deps: AccountDeps,
  inviter: Account,
  invitation: Invitation,
): Promise<string> {
  const email = requireEmail(invitation.email);
  const existing = await deps.store.findAccountByEmail(email);
  if (existing !== undefined) {
    const code =
      existing.organisationId === inviter.organisationId ? 'already_member' : 'other_organisation';
    throw new DomainError('conflict', { reason: code }, [{ field: 'email', code }]);
  }
  const now = deps.clock.now();
  const token = deps.secrets.token();
  await deps.store.insertLink({
    tokenHash: deps.secrets.digest(token),
    email,
    purpose: 'invite',
    organisationId: inviter.organisationId,
    invitedBy: inviter.id,
    lang: invitation.lang,
    createdAt: now.toISOString(),
    expiresAt: addMinutes(now, INVITATION_DAYS * 24 * 60).toISOString(),
  });
  const organisation = await deps.store.findOrganisation(inviter.organisationId);
  await deps.notifier.invitation(
    email,
    invitation.lang,
    invitation.linkFor(token),
    organisation?.name ?? null,
    inviter.name ?? inviter.email,
  );
  return email;
}
