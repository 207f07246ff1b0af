import type { Notifier } from '../app/accounts/ports.ts';
import type { Mailer } from '../app/ports.ts';
import type { Translator } from '../i18n/i18n.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/languages.ts';
import {
  applicationReceivedMail,
  invitationMail,
  signInLinkMail,
  statusChangedMail,
} from './templates/mails.ts';

/** Writes each notification in the recipient's language and hands it to the mailer. */
export function createNotifier(mailer: Mailer, translator: Translator): Notifier {
  const base = (to: string, lang: string) => {
    const language: Language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
    return { to, lang: language, t: translator.t(language) };
  };
  return {
    signInLink: (to, lang, link, expiresMinutes) =>
      mailer.send(signInLinkMail({ ...base(to, lang), link, expiresMinutes })),
    invitation: (to, lang, link, organisationName, invitedBy) =>
      mailer.send(invitationMail({ ...base(to, lang), link, organisationName, invitedBy })),
    applicationReceived: (to, lang, application) =>
      mailer.send(applicationReceivedMail({ ...base(to, lang), ...application })),
    applicationStatusChanged: (to, lang, change) =>
      mailer.send(statusChangedMail({ ...base(to, lang), ...change })),
  };
}
