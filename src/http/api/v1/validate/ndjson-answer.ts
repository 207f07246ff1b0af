import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateIdLines, type BulkOptions } from '../../../../app/validate-id-lines.ts';
import type { ValidationSummary } from '../../../../app/validation-record.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { buildProblem } from '../../../problem.ts';
import { itemsToNdjson } from './record-json.ts';

/** How long a client still sending an over-limit body is given before it is disconnected. */
const LINGER_MS = 5_000;

export function summaryToNdjson(summary: ValidationSummary, badLines: number): string {
  return `${JSON.stringify({ summary, badLines })}\n`;
}

/**
 * After an over-limit body the answer is complete but the client may still be sending. Read and
 * drop the rest, so that closing early cannot reset the connection before the answer has
 * arrived; a client still sending after LINGER_MS is disconnected.
 */
function dropRestOfBody(request: FastifyRequest, reply: FastifyReply): void {
  reply.raw.once('finish', () => {
    const incoming = request.raw;
    const timer = setTimeout(() => incoming.destroy(), LINGER_MS);
    timer.unref();
    incoming.once('end', () => {
      clearTimeout(timer);
    });
    incoming.resume();
  });
}

async function* ndjsonLines(
  request: FastifyRequest,
  reply: FastifyReply,
  body: Readable,
  options: BulkOptions,
): AsyncGenerator<string, void, undefined> {
  // The request must stay open when the limit stops the run, or the answer could not be sent.
  const source = body.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
  try {
    for await (const event of validateIdLines(source, options)) {
      yield event.type === 'items'
        ? itemsToNdjson(event.items)
        : summaryToNdjson(event.summary, event.badLines);
    }
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'payload_too_large') throw error;
    request.log.info({ limit: options.byteLimit }, 'bulk body over the limit; run stopped');
    dropRestOfBody(request, reply);
    const problem = buildProblem(request, 'payload_too_large', error.details);
    yield `${JSON.stringify({ error: problem })}\n`;
  }
}

/**
 * The streamed answer to a bulk request: one line per input line, in order, then the summary.
 * Lines are produced only as fast as the client reads them (the reply pipes this stream).
 */
export function ndjsonAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  body: Readable,
  options: BulkOptions,
): Readable {
  return Readable.from(ndjsonLines(request, reply, body, options), { objectMode: false });
}
