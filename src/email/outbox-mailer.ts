import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from '../app/ports.ts';
import { nodemailer } from './nodemailer.ts';

/** Where the outbox mailer reports each file it writes. */
export interface MailLog {
  info(details: Readonly<Record<string, unknown>>, message: string): void;
}

/**
 * Writes each message as an RFC 5322 `.eml` file into a folder instead of sending it, so the
 * service runs without an SMTP server; any mail program opens the files.
 */
export function createOutboxMailer(dir: string, from: string, log: MailLog): Mailer {
  // Made with the first message, like the SMTP mailer's.
  let transport: Transporter | undefined;
  return {
    async send(message: MailMessage): Promise<void> {
      transport ??= nodemailer().createTransport({
        streamTransport: true,
        buffer: true,
        newline: 'windows',
      });
      const info = await transport.sendMail({ from, ...message });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const path = join(dir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await mkdir(dir, { recursive: true });
      await writeFile(path, info.message as Buffer);
      log.info({ path, subject: message.subject }, 'mail written to the outbox');
    },
  };
}
