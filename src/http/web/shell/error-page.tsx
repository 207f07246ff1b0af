import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import type { ProblemCode } from '../../problem.ts';

/** A page in the reader's language for an error met while browsing. */
export function ErrorPage({
  ctx,
  code,
}: {
  readonly ctx: PageContext;
  readonly code: ProblemCode;
}) {
  const notFound = code === 'not_found';
  const serverError = code === 'internal_error';
  const title = notFound
    ? ctx.t('errorPage.notFoundTitle')
    : serverError
      ? ctx.t('errorPage.serverErrorTitle')
      : ctx.t('errorPage.badRequestTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {notFound && <p>{ctx.t('errorPage.notFoundText')}</p>}
      {!notFound && (
        <p>
          {ctx.t(`problems:${code}.detail`, {
            requestId: '-',
            limit: '-',
            accepted: '-',
            received: '-',
            seconds: 60,
            available: '-',
            method: '-',
            path: ctx.path,
          })}
        </p>
      )}
      <p>
        <a href={localPath(ctx, '/')}>{ctx.t('errorPage.homeLink')}</a>
      </p>
    </Layout>
  );
}
