import type { Mailer } from '../app/ports.ts';
import type { Config } from '../config.ts';
import { createOutboxMailer, type MailLog } from './outbox-mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

/** SMTP when `SMTP_URL` is set, else the outbox folder. */
export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'outboxDir'>,
  log: MailLog,
): Mailer {
  return config.smtpUrl === ''
    ? createOutboxMailer(config.outboxDir, config.mailFrom, log)
    : createSmtpMailer(config.smtpUrl, config.mailFrom);
}
