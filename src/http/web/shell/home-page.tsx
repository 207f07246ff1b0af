import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { RegisterSearchCard } from '../register/home-card.tsx';

export function HomePage({ ctx }: { readonly ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title={ctx.t('home.title')}>
      <h1>{ctx.t('home.title')}</h1>
      <p class="lead">{ctx.t('home.lead')}</p>
      <div class="cards">
        <RegisterSearchCard ctx={ctx} />
        <section class="card" aria-labelledby="apply-heading">
          <h2 id="apply-heading">{ctx.t('home.applyHeading')}</h2>
          <p>{ctx.t('home.applyText')}</p>
          <p>
            <a href={localPath(ctx, '/apply')}>{ctx.t('home.applyLink')}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="tools-heading">
          <h2 id="tools-heading">{ctx.t('home.toolsHeading')}</h2>
          <p>{ctx.t('home.toolsText')}</p>
          <p>
            <a href={localPath(ctx, '/tools/validate')}>{ctx.t('home.toolsLink')}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="api-heading">
          <h2 id="api-heading">{ctx.t('home.apiHeading')}</h2>
          <p>{ctx.t('home.apiText')}</p>
          <p>
            <a href="/docs">{ctx.t('home.apiLink')}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
