import type { TFunction } from 'i18next';
import type { MailMessage } from '../../app/ports.ts';
import type { SummaryRow } from '../../app/accounts/ports.ts';
import { displayKey } from '../../domain/register/party-key.ts';
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

/** A person's text, one paragraph per line: mails keep the line breaks the reviewer typed. */
function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * What an approval says: that it is approved, which codes it issued (`BE*ABC and LU*ABC`, listed
 * as the language lists things) and that they are in force and published.
 */
function approvedParagraphs(
  lang: string,
  t: TFunction,
  reference: string,
  keys: readonly string[],
): string[] {
  const intro = t('mail:approved.intro', { reference });
  const count = Math.max(keys.length, 1);
  const register = t('mail:approved.register', { count });
  if (keys.length === 0) return [intro, register];
  const codes = new Intl.ListFormat(lang, { type: 'conjunction' }).format(keys.map(displayKey));
  return [intro, t('mail:approved.issued', { count, codes }), register];
}

/**
 * A change of an application's status. Approval, rejection (with its reason) and a request for
 * more information (with the question) each have their own mail; other statuses share one.
 */
export function statusChangedMail(
  m: Base & {
    reference: string;
    status: string;
    reason?: string | undefined;
    /** On an approval: the codes issued, as keys (`BEABC`). */
    codes?: readonly string[] | undefined;
  },
): MailMessage {
  const { t } = m;
  const reference = m.reference;
  const reason = linesOf(m.reason ?? '');
  const mail = (key: string, paragraphs: string[], after: string[]) =>
    renderMail(m.to, {
      lang: m.lang,
      subject: t(`mail:${key}.subject`, { reference }),
      ...common(t),
      paragraphs,
      after,
    });
  switch (m.status) {
    case 'approved':
      return mail('approved', approvedParagraphs(m.lang, t, reference, m.codes ?? []), [
        t('mail:approved.next'),
      ]);
    case 'rejected':
      return mail(
        'rejected',
        [
          t('mail:rejected.intro', { reference }),
          ...(reason.length === 0 ? [] : [t('mail:rejected.reasonIntro'), ...reason]),
        ],
        [t('mail:rejected.next')],
      );
    case 'info_requested':
      return mail(
        'infoRequested',
        [
          t('mail:infoRequested.intro', { reference }),
          ...(reason.length === 0 ? [] : [t('mail:infoRequested.questionIntro'), ...reason]),
        ],
        [t('mail:infoRequested.next'), t('mail:infoRequested.clock')],
      );
  }
  const status = t(`mail:statuses.${m.status}`, { defaultValue: m.status });
  const paragraphs = [t('mail:statusChanged.intro', { reference, status })];
  if (reason.length > 0)
    paragraphs.push(t('mail:statusChanged.reason', { reason: reason.join(' ') }));
  return mail('statusChanged', paragraphs, [t('mail:statusChanged.next')]);
}
