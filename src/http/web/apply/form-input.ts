import type { FastifyRequest } from 'fastify';
import { REGISTRY_EXTRACT_LIMIT } from '../../../app/applications/attach-registry-extract.ts';
import { STEP_FIELDS, type ApplicationStep } from '../../../domain/application/steps.ts';

/** A file chosen in the company step, as the browser sent it. */
export interface UploadedFile {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  /** The file was larger than the limit; its content was not kept. */
  readonly tooLarge: boolean;
}

/** A parsed multipart form: its text fields, and the file if one was chosen. */
export interface MultipartBody {
  readonly fields: Record<string, string | string[]>;
  readonly file: UploadedFile | undefined;
}

const MULTIPART = Symbol('multipart');

/** Form limits: far above any real answer, far below what could hurt. */
export const MULTIPART_LIMITS = {
  fileSize: REGISTRY_EXTRACT_LIMIT,
  files: 1,
  fields: 40,
  fieldSize: 100_000,
  parts: 50,
  headerPairs: 100,
} as const;

function addField(fields: Record<string, string | string[]>, name: string, value: string) {
  const before = fields[name];
  if (before === undefined) fields[name] = value;
  else fields[name] = Array.isArray(before) ? [...before, value] : [before, value];
}

async function readFile(part: {
  filename: string;
  mimetype: string;
  toBuffer(): Promise<Buffer>;
}): Promise<UploadedFile | undefined> {
  try {
    const content = await part.toBuffer();
    if (part.filename === '' && content.byteLength === 0) return undefined;
    return { filename: part.filename, contentType: part.mimetype, content, tooLarge: false };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    return {
      filename: part.filename,
      contentType: part.mimetype,
      content: new Uint8Array(),
      tooLarge: true,
    };
  }
}

/**
 * Route hook: reads a `multipart/form-data` body into plain fields (so the CSRF check that runs
 * next finds `_csrf`) and keeps the file apart. Other bodies are left as they are.
 */
export async function readMultipart(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string | string[]> = {};
  let file: UploadedFile | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      file = (await readFile(part)) ?? file;
    } else if (typeof part.value === 'string') {
      addField(fields, part.fieldname, part.value);
    }
  }
  (request as unknown as { body: unknown }).body = Object.assign(
    { ...fields },
    {
      [MULTIPART]: { fields, file } satisfies MultipartBody,
    },
  );
}

/** The file uploaded with the form, if any. */
export function uploadedFile(body: unknown): UploadedFile | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  return (body as { [MULTIPART]?: MultipartBody })[MULTIPART]?.file;
}

/** The first value of a form field as text; anything else is empty. */
export function textField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Readonly<Record<string, unknown>>)[name];
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : '';
}

function listField(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Readonly<Record<string, unknown>>)[name];
  const items: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.filter((v): v is string => typeof v === 'string');
}

/** What a step's form sent, reduced to its own fields. */
export function stepInput(step: ApplicationStep, body: unknown): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(
    STEP_FIELDS[step].map((name) => [name, textField(body, name)]),
  );
  if (step === 'request') {
    input.countries = listField(body, 'countries');
  }
  return input;
}
