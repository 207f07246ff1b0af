import type { TFunction } from 'i18next';
import type { Language } from '../i18n/languages.ts';

/** What every page needs to render its shell: the language, translations and where it is. */
export interface PageContext {
  readonly lang: Language;
  readonly t: TFunction;
  /** The path of this page without its language prefix, e.g. `/tools/validate`. */
  readonly path: string;
  /** The query string to keep when switching language, including `?`, or ''. */
  readonly query?: string;
  /** Whether someone is signed in, for the header's account links. */
  readonly signedIn?: boolean;
}

/** Builds a path in the page's language. */
export function localPath(ctx: Pick<PageContext, 'lang'>, path: string): string {
  return `/${ctx.lang}${path === '/' ? '' : path}`;
}
