import { localPath, type PageContext } from '../../../views/page-context.ts';

/** The register's card on the home page: a search box that opens the register search. */
export function RegisterSearchCard({ ctx }: { readonly ctx: PageContext }) {
  return (
    <section class="card" aria-labelledby="register-card-heading">
      <h2 id="register-card-heading">{ctx.t('register:homeCard.heading')}</h2>
      <p>{ctx.t('register:homeCard.text')}</p>
      <form method="get" action={localPath(ctx, '/register')} role="search" class="card-search">
        <div class="form-group">
          <label for="home-q">{ctx.t('register:search.qLabel')}</label>
          <span id="home-q-hint" class="hint">
            {ctx.t('register:search.qHint')}
          </span>
          <input
            type="text"
            id="home-q"
            name="q"
            spellcheck={false}
            autocomplete="off"
            aria-describedby="home-q-hint"
          />
        </div>
        <button type="submit" class="button">
          {ctx.t('register:homeCard.submit')}
        </button>
      </form>
      <p>
        <a href={localPath(ctx, '/stats')}>{ctx.t('register:homeCard.statsLink')}</a>
      </p>
    </section>
  );
}
