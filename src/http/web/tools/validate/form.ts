import { isIdKind, type IdKind } from '../../../../domain/emobility-id/index.ts';

/** Most IDs the page checks per submission; the bulk API takes more. */
export const MAX_PAGE_IDS = 1000;

/** What the reader typed, kept as is so the form shows it again. */
export interface ValidateForm {
  readonly text: string;
  readonly kind: IdKind | undefined;
}

export type FormError =
  { readonly code: 'empty' } | { readonly code: 'too_many'; readonly entered: number };

function field(fields: unknown, name: string): string {
  if (typeof fields !== 'object' || fields === null) return '';
  const value = (fields as Readonly<Record<string, unknown>>)[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Reads the form from a parsed body or query string. Anything but a single string counts as
 * empty, and an unknown kind as automatic detection: a browser sends neither, and a hand-made
 * request gets the plain form rather than an error page.
 */
export function readForm(fields: unknown): ValidateForm {
  const kind = field(fields, 'kind');
  return { text: field(fields, 'ids'), kind: isIdKind(kind) ? kind : undefined };
}

/**
 * The IDs of the text, one per line. Blank lines are paste artefacts and are skipped; every other
 * line is kept exactly, spaces included, so the page says what the API would say about it.
 */
export function idsOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** The IDs to check, or why there are none to check. */
export function checkForm(form: ValidateForm): { ids: string[] } | { error: FormError } {
  const ids = idsOf(form.text);
  if (ids.length === 0) return { error: { code: 'empty' } };
  if (ids.length > MAX_PAGE_IDS) return { error: { code: 'too_many', entered: ids.length } };
  return { ids };
}
