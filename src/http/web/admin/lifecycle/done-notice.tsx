import type { PageContext } from '../../../../views/page-context.ts';

/** The notice at the top of a page after an operation: what was just done, if anything. */
export function DoneNotice({
  ctx,
  done,
}: {
  readonly ctx: PageContext;
  readonly done: string | undefined;
}) {
  if (done === undefined) return null;
  const { t } = ctx;
  return (
    <div class="notice" role="status">
      {t(`admin-lifecycle:done.${done}`, { defaultValue: t('admin-lifecycle:done.other') })}
    </div>
  );
}
