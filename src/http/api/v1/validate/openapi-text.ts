import type { FastifySchema } from 'fastify';
import { Type } from 'typebox';
import { MAX_LINE_LENGTH } from '../../../../app/validate-id-lines.ts';
import { NdjsonLineSchema } from './schemas.ts';

export const SINGLE_DESCRIPTION = `Checks the syntax and, for contract IDs, the check character of one identifier and returns a \`ValidationRecord\`.

An invalid identifier is still a **200** answer: the verdict is data (\`valid: false\` with a \`reason\` code and, when one character is to blame, its \`position\`). Without \`kind\` the kind is detected from the shape of the input (\`detected: true\`). The identifier is taken exactly as given: it is not trimmed, and whitespace anywhere makes it invalid.

A missing \`id\` or an unknown \`kind\` is a **400** problem (\`validation_failed\`) with one entry per field in \`errors\`.`;

export const BULK_DESCRIPTION = `Validates any number of identifiers in one request and **streams** the answer as NDJSON (\`application/x-ndjson\`): one JSON value per line, in input order, produced while the body is still arriving.

**Request body** (UTF-8; a leading byte order mark is dropped; lines end with \`\\n\`, and one \`\\r\` before it is removed):

- \`text/plain\`: one identifier per line, taken as is (not trimmed). An empty line is answered with \`reason: "empty"\`.
- \`application/x-ndjson\`: per line a JSON string (\`"NL*TNM*E12345*1"\`) or an object \`{"id": "NL-TNM-C00122045-K", "kind": "emaid"}\`; \`kind\` is optional and other properties are ignored.

\`?kind=\` sets the kind for every line that does not name its own; without it the kind is detected per line. Invalid UTF-8 is decoded as U+FFFD and so yields \`non_printable_ascii\`.

**Answer lines**, one per input line, so line *n* of the answer belongs to line *n* of the body:

- a \`ValidationRecord\` (the same object \`GET /api/v1/validate\` returns);
- a \`LineError\` \`{"line": n, "valid": false, "reason": "bad_json_line", "input": "…"}\` for an NDJSON line that is not JSON, or not a string or an object with a string \`id\` and an optional known \`kind\` (for example \`42\`, \`null\`, \`{"id": 42}\`, a blank line); \`reason: "line_too_long"\` for a line over ${MAX_LINE_LENGTH} characters in either format. \`input\` echoes at most the first 100 characters. A bad line never fails the request;
- after the last line, \`{"summary": ValidationSummary, "badLines": n}\`. An empty body is answered with this line alone.

**Limits and errors.** The body may be at most the configured size (\`VALIDATE_BODY_LIMIT\`, 64 MiB by default). A \`Content-Length\` over it is answered **413** (\`payload_too_large\`) before anything is read. A chunked body that grows over it while streaming cannot get a 413 any more (the 200 has been sent): the answer then holds the lines that ended within the limit, followed by \`{"error": Problem}\` with code \`payload_too_large\` as its **last line and no summary**; the rest of the body is read and dropped, and a client still sending 5 seconds later is disconnected. A missing or different Content-Type, or a charset other than UTF-8, is **415** (\`unsupported_media_type\`); an unknown \`kind\` is **400** (\`validation_failed\`). Problems are \`application/problem+json\`, translated by \`Accept-Language\`.`;

const TEXT_EXAMPLE = 'NL*TNM*E12345*1\nNL-TNM-C00122045-K\nBE*ABC\nNL*TNM*X1\n';
const NDJSON_EXAMPLE = '"NL*TNM*E12345*1"\n{"id": "NLTNMC00122045", "kind": "emaid"}\n{"id": 42}\n';

/**
 * Adds the request body and the 200 answer to a route's schema for the OpenAPI document only:
 * Fastify hands the handler the raw request stream and pipes the answer stream unserialised.
 */
export function withBulkStreams(schema: FastifySchema): FastifySchema {
  const response = (schema.response ?? {}) as Record<string, unknown>;
  return {
    ...schema,
    body: {
      content: {
        'text/plain': {
          schema: Type.String({ description: 'One identifier per line', examples: [TEXT_EXAMPLE] }),
        },
        'application/x-ndjson': {
          schema: Type.String({
            description: 'Per line a JSON string or an object `{"id": string, "kind"?: string}`',
            examples: [NDJSON_EXAMPLE],
          }),
        },
      },
    },
    response: {
      200: {
        description: 'One line per input line, in input order, then a summary line',
        content: { 'application/x-ndjson': { schema: NdjsonLineSchema } },
      },
      ...response,
    },
  };
}
