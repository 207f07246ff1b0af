import type { CodeStatus } from '../../../domain/register/code-status.ts';
import type { PageContext } from '../../../views/page-context.ts';

/** A status as a word in a tag; the colour only repeats what the word says. */
export function StatusTag({
  ctx,
  status,
}: {
  readonly ctx: PageContext;
  readonly status: CodeStatus;
}) {
  return (
    <strong class={`tag tag--status tag--${status}`}>{ctx.t(`register:statuses.${status}`)}</strong>
  );
}
