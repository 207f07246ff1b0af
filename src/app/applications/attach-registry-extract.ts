import { createHash } from 'node:crypto';
import { isEditable } from '../../domain/application/application-status.ts';
import { DomainError } from '../../domain/errors.ts';
import { ownApplication } from './application-view.ts';
import { applicantAudit } from './applicant-audit.ts';
import type { ApplicantAccount, ApplicationFile, ApplicationServices } from './ports.ts';

/** The largest registry extract accepted, in bytes. */
export const REGISTRY_EXTRACT_LIMIT = 5 * 1024 * 1024;
const PDF_MAGIC = '%PDF-';

export interface ExtractUpload {
  readonly filename: string;
  /** As the client declared it. */
  readonly contentType: string;
  readonly content: Uint8Array;
}

function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .trim()
    .slice(0, 200);
  return safe === '' ? 'registry-extract.pdf' : safe;
}

/**
 * Stores an extract of the company register with a draft (or an application on which more
 * information was requested), replacing an earlier one. PDF only,
 * by declared type and by content (`%PDF-` at the start); at most 5 MB; not empty.
 */
export async function attachRegistryExtract(
  deps: ApplicationServices,
  account: ApplicantAccount,
  id: string,
  upload: ExtractUpload,
): Promise<ApplicationFile> {
  const record = await ownApplication(deps, account, id);
  if (!isEditable(record.status)) throw new DomainError('conflict', { status: record.status });
  const type = upload.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/pdf') {
    throw new DomainError('unsupported_media_type', {
      accepted: 'application/pdf',
      received: type.slice(0, 100) || '-',
    });
  }
  if (upload.content.byteLength > REGISTRY_EXTRACT_LIMIT) {
    throw new DomainError('payload_too_large', { limit: REGISTRY_EXTRACT_LIMIT });
  }
  const head = new TextDecoder('latin1').decode(upload.content.subarray(0, PDF_MAGIC.length));
  if (head !== PDF_MAGIC) {
    throw new DomainError('unprocessable', {}, [{ field: 'registryExtract', code: 'not_a_pdf' }]);
  }
  const at = deps.clock.now().toISOString();
  const file: ApplicationFile = {
    id: deps.ids.id(),
    applicationId: id,
    purpose: 'registry_extract',
    filename: cleanFilename(upload.filename),
    contentType: 'application/pdf',
    size: upload.content.byteLength,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    createdAt: at,
  };
  const attached = await deps.applications.attachFile(
    { ...file, content: upload.content },
    {
      applicationId: id,
      type: 'file_attached',
      fromStatus: null,
      toStatus: null,
      actor: account.id,
      note: file.filename,
      at,
    },
    applicantAudit(account, id, 'application.file_attached', at, {
      after: {
        purpose: file.purpose,
        filename: file.filename,
        size: file.size,
        sha256: file.sha256,
      },
    }),
  );
  // Submitted meanwhile (another tab): the file is not kept.
  if (!attached) throw new DomainError('conflict');
  return file;
}
