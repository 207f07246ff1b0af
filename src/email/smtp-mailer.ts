import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from '../app/ports.ts';

/** Sends through the SMTP server named by an `smtp://` or `smtps://` URL. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message: MailMessage): Promise<void> {
      await transport.sendMail({ from, ...message });
    },
    close: () => {
      transport.close();
    },
  };
}
