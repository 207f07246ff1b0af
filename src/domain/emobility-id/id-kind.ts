import { ID_KINDS } from './types.ts';
import type { IdKind } from './types.ts';

const KINDS: ReadonlySet<unknown> = new Set(ID_KINDS);

export function isIdKind(x: unknown): x is IdKind {
  return KINDS.has(x);
}
