import type { ApplicationView } from '../../../app/applications/application-view.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';

/** Said once the application is in: its reference, where the confirmation went, what comes next. */
export function SubmittedPage({
  ctx,
  view,
  email,
}: {
  readonly ctx: PageContext;
  readonly view: Pick<ApplicationView, 'id' | 'reference'>;
  readonly email: string;
}) {
  const title = ctx.t('apply:submitted.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="apply-panel">
        <h1>{title}</h1>
        <p>
          {ctx.t('apply:submitted.reference')}{' '}
          <strong class="apply-reference">{view.reference}</strong>
        </p>
      </div>
      <p>{ctx.t('apply:submitted.mailSent', { email })}</p>
      <h2>{ctx.t('apply:submitted.nextHeading')}</h2>
      <ol>
        <li>{ctx.t('apply:submitted.next1')}</li>
        <li>{ctx.t('apply:submitted.next2')}</li>
        <li>{ctx.t('apply:submitted.next3')}</li>
      </ol>
      <p>
        <a href={localPath(ctx, `/apply/${view.id}/review`)}>{ctx.t('apply:submitted.viewLink')}</a>
      </p>
      <p>
        <a href={localPath(ctx, '/account')}>{ctx.t('apply:submitted.accountLink')}</a>
      </p>
    </Layout>
  );
}
