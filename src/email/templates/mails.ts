import type { TFunction } from 'i18next';
import type { MailMessage } from '../../app/ports.ts';
import type { SummaryRow } from '../../app/accounts/ports.ts';
import { renderMail } from './render-mail.ts';

interface Base {
  readonly to: string;
  readonly lang: string;
  readonly t: TFunction;
}

function common(t: TFunction) {
  return { greeting: t('mail:greeting'), signature: t('mail:signature') };
}

export function signInLinkMail(m: Base & { link: string; expiresMinutes: number }): MailMessage {
  const { t } = m;
  return renderMail(m.to, {
    lang: m.lang,
    subject: t('mail:signIn.subject'),
    ...common(t),
    paragraphs: [t('mail:signIn.intro')],
    action: { label: t('mail:signIn.action'), url: m.link },
    after: [t('mail:signIn.expiry', { minutes: m.expiresMinutes }), t('mail:signIn.ignore')],
  });
}

export function invitationMail(
  m: Base & { link: string; organisationName: string | null; invitedBy: string },
): MailMessage {
  const { t } = m;
  const intro =
    m.organisationName === null
      ? t('mail:invitation.intro', { invitedBy: m.invitedBy })
      : t('mail:invitation.introNamed', {
          invitedBy: m.invitedBy,
          organisation: m.organisationName,
        });
  return renderMail(m.to, {
    lang: m.lang,
    subject: t('mail:invitation.subject'),
    ...common(t),
    paragraphs: [intro],
    action: { label: t('mail:invitation.action'), url: m.link },
    after: [t('mail:invitation.expiry'), t('mail:invitation.ignore')],
  });
}

export function applicationReceivedMail(
  m: Base & { reference: string; summary: readonly SummaryRow[] },
): MailMessage {
  const { t } = m;
  return renderMail(m.to, {
    lang: m.lang,
    subject: t('mail:received.subject', { reference: m.reference }),
    ...common(t),
    paragraphs: [
      t('mail:received.intro', { reference: m.reference }),
      t('mail:received.summaryIntro'),
    ],
    summary: m.summary,
    after: [t('mail:received.next')],
  });
}

export function statusChangedMail(
  m: Base & { reference: string; status: string; reason?: string | undefined },
): MailMessage {
  const { t } = m;
  const status = t(`mail:statuses.${m.status}`, { defaultValue: m.status });
  const paragraphs = [t('mail:statusChanged.intro', { reference: m.reference, status })];
  if (m.reason !== undefined && m.reason.trim() !== '') {
    paragraphs.push(t('mail:statusChanged.reason', { reason: m.reason }));
  }
  return renderMail(m.to, {
    lang: m.lang,
    subject: t('mail:statusChanged.subject', { reference: m.reference }),
    ...common(t),
    paragraphs,
    after: [t('mail:statusChanged.next')],
  });
}
