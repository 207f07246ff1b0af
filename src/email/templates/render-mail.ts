import type { MailMessage } from '../../app/ports.ts';

/** What a mail says, in order; every string already translated and whole. */
export interface MailContent {
  readonly lang: string;
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  /** A button-like link; in the text version its address on a line of its own. */
  readonly action?: { readonly label: string; readonly url: string };
  /** Label/value pairs, shown as a list. */
  readonly summary?: readonly { readonly label: string; readonly value: string }[];
  readonly after?: readonly string[];
  readonly signature: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function textOf(mail: MailContent): string {
  const parts: string[] = [mail.greeting, ...mail.paragraphs];
  if (mail.action !== undefined) parts.push(`${mail.action.label}:\n${mail.action.url}`);
  if (mail.summary !== undefined && mail.summary.length > 0) {
    parts.push(mail.summary.map((row) => `${row.label}: ${row.value}`).join('\n'));
  }
  parts.push(...(mail.after ?? []), mail.signature);
  return `${parts.join('\n\n')}\n`;
}

function htmlOf(mail: MailContent): string {
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const body: string[] = [p(mail.greeting), ...mail.paragraphs.map(p)];
  if (mail.action !== undefined) {
    const url = escapeHtml(mail.action.url);
    body.push(
      `<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#0b4fa8;color:#ffffff;font-weight:bold;text-decoration:none">${escapeHtml(mail.action.label)}</a></p>`,
      `<p style="word-break:break-all"><a href="${url}" style="color:#0b4fa8">${url}</a></p>`,
    );
  }
  if (mail.summary !== undefined && mail.summary.length > 0) {
    const rows = mail.summary
      .map(
        (r) =>
          `<dt style="font-weight:bold">${escapeHtml(r.label)}</dt><dd style="margin:0 0 8px 0">${escapeHtml(r.value)}</dd>`,
      )
      .join('');
    body.push(`<dl>${rows}</dl>`);
  }
  body.push(...(mail.after ?? []).map(p), p(mail.signature));
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(mail.lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(mail.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;background:#ffffff">',
    `<div role="article" aria-label="${escapeHtml(mail.subject)}" lang="${escapeHtml(mail.lang)}" style="max-width:600px;margin:0 auto;padding:16px">`,
    ...body,
    '</div></body></html>',
    '',
  ].join('\n');
}

/** One message in plain text and in simple, accessible HTML; everything escaped. */
export function renderMail(to: string, mail: MailContent): MailMessage {
  return { to, subject: mail.subject, text: textOf(mail), html: htmlOf(mail) };
}
