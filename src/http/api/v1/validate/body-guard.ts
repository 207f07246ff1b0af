import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LineFormat } from '../../../../app/validate-id-lines.ts';
import { DomainError } from '../../../../domain/errors.ts';

/** The media types the bulk endpoint reads, and how it reads each. */
const FORMATS: ReadonlyMap<string, LineFormat> = new Map([
  ['text/plain', 'text'],
  ['application/x-ndjson', 'ndjson'],
]);
export const BULK_MEDIA_TYPES = [...FORMATS.keys()];
export const ACCEPTED_MEDIA_TYPES = 'text/plain, application/x-ndjson (UTF-8)';
const UTF8_CHARSETS: ReadonlySet<string> = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * The line format of a Content-Type, or undefined when the endpoint cannot read it. Only UTF-8
 * (or its ASCII subset) is read: any other declared charset would be decoded wrongly.
 */
export function lineFormatOf(contentType: string | undefined): LineFormat | undefined {
  if (contentType === undefined) return undefined;
  const [essence = '', ...parameters] = contentType.split(';');
  const format = FORMATS.get(essence.trim().toLowerCase());
  if (format === undefined) return undefined;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=', 2);
    if (name.trim().toLowerCase() !== 'charset') continue;
    if (!UTF8_CHARSETS.has(value.trim().replace(/^"|"$/g, '').toLowerCase())) return undefined;
  }
  return format;
}

/**
 * Rejects what the bulk endpoint cannot take before a byte of the body is read: a media type it
 * does not read (415) and a declared Content-Length over the limit (413). Either way the
 * connection is closed after the answer, since the client may still be sending the body. A
 * chunked body over the limit is caught while streaming instead (see ndjson-answer.ts).
 */
export function guardBulkBody(limit: number) {
  return (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const contentType = request.headers['content-type'];
    if (lineFormatOf(contentType) === undefined) {
      void reply.header('connection', 'close');
      throw new DomainError('unsupported_media_type', {
        accepted: ACCEPTED_MEDIA_TYPES,
        received: contentType ?? '-',
      });
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      void reply.header('connection', 'close');
      throw new DomainError('payload_too_large', { limit });
    }
    return Promise.resolve();
  };
}
