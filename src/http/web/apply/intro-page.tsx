import type { ApplicationSummary } from '../../../app/applications/list-applications.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { CsrfField } from '../account/csrf-field.tsx';
import { formatDate } from '../register/formatting.ts';

export interface IntroPageProps {
  readonly ctx: PageContext;
  /** Absent when nobody is signed in: the button then leads to sign-in first. */
  readonly csrf: string | undefined;
  readonly drafts: readonly ApplicationSummary[];
}

function Drafts({ ctx, drafts }: Pick<IntroPageProps, 'ctx' | 'drafts'>) {
  if (drafts.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{ctx.t('apply:intro.draftsHeading')}</h2>
      <ul>
        {drafts.map((d) => (
          <li key={d.id}>
            <a href={localPath(ctx, `/apply/${d.id}/${d.currentStep}`)}>
              {ctx.t('apply:intro.resume', { reference: d.reference })}
            </a>{' '}
            <span class="hint">
              {ctx.t('apply:intro.savedOn', { date: formatDate(ctx.lang, d.updatedAt) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `/{lang}/apply`: how applying works, what it costs, and the button to start. */
export function IntroPage({ ctx, csrf, drafts }: IntroPageProps) {
  const { t } = ctx;
  const title = t('apply:intro.title');
  const signIn = `${localPath(ctx, '/sign-in')}?${new URLSearchParams({ next: localPath(ctx, '/apply') }).toString()}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('apply:intro.lead')}</p>
      <Drafts ctx={ctx} drafts={drafts} />
      <h2>{t('apply:intro.stepsHeading')}</h2>
      <ol>
        <li>{t('apply:intro.step1')}</li>
        <li>{t('apply:intro.step2')}</li>
        <li>{t('apply:intro.step3')}</li>
        <li>{t('apply:intro.step4')}</li>
      </ol>
      <p>{t('apply:intro.saved')}</p>
      <h2>{t('apply:intro.feesHeading')}</h2>
      <ul>
        <li>{t('apply:intro.feeRegistration')}</li>
        <li>{t('apply:intro.feeAnnual')}</li>
      </ul>
      <h2>{t('apply:intro.decisionHeading')}</h2>
      <p>{t('apply:intro.decision')}</p>
      <p>{t('apply:intro.firstCode')}</p>
      {csrf === undefined ? (
        <>
          <p>{t('apply:intro.signInFirst')}</p>
          <p>
            <a class="button" href={signIn} role="button">
              {t('apply:intro.signIn')}
            </a>
          </p>
        </>
      ) : (
        <form method="post" action={localPath(ctx, '/apply')}>
          <CsrfField token={csrf} />
          <button type="submit" class="button">
            {t(drafts.length > 0 ? 'apply:intro.startNew' : 'apply:intro.start')}
          </button>
        </form>
      )}
    </Layout>
  );
}
