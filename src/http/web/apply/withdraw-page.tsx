import type { ApplicationView } from '../../../app/applications/application-view.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { CsrfField } from '../account/csrf-field.tsx';

/** Asks once more before an application is taken back: withdrawing cannot be undone. */
export function WithdrawPage({
  ctx,
  csrf,
  view,
}: {
  readonly ctx: PageContext;
  readonly csrf: string;
  readonly view: Pick<ApplicationView, 'id' | 'reference'>;
}) {
  const title = ctx.t('apply:withdraw.title', { reference: view.reference });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="back-link">
        <a href={localPath(ctx, '/account')}>{ctx.t('apply:back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{ctx.t('apply:withdraw.warning')}</p>
      <form method="post" action={localPath(ctx, `/apply/${view.id}/withdraw`)}>
        <CsrfField token={csrf} />
        <button type="submit" class="button button--warning">
          {ctx.t('apply:withdraw.confirm')}
        </button>
      </form>
      <p>
        <a href={localPath(ctx, '/account')}>{ctx.t('apply:withdraw.cancel')}</a>
      </p>
    </Layout>
  );
}
