import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from '../app/ports.ts';
import { nodemailer } from './nodemailer.ts';

/**
 * Sends through the SMTP server named by an `smtp://` or `smtps://` URL; the mail library and its
 * connection pool are made with the first message.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  let transport: Transporter | undefined;
  return {
    async send(message: MailMessage): Promise<void> {
      transport ??= nodemailer().createTransport(smtpUrl);
      await transport.sendMail({ from, ...message });
    },
    close: () => {
      transport?.close();
    },
  };
}
