import type { ComponentChildren } from 'preact';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages.ts';
import { localPath, type PageContext } from './page-context.ts';
import { NavLink } from './nav-link.tsx';

interface LayoutProps {
  readonly ctx: PageContext;
  /** The page's own title; the site name is appended. */
  readonly title: string;
  readonly children: ComponentChildren;
  /** Small enhancement scripts; pages work without them. */
  readonly scripts?: readonly string[];
}

function LanguageSwitcher({ ctx }: { readonly ctx: PageContext }) {
  return (
    <nav class="language-switcher" aria-label={ctx.t('languageSwitcher.label')}>
      <ul>
        {LANGUAGES.map((lang) => (
          <li key={lang}>
            {lang === ctx.lang ? (
              <span aria-current="true" lang={lang}>
                {lang.toUpperCase()}
                <span class="visually-hidden">
                  {' '}
                  {ctx.t('languageSwitcher.current', { language: LANGUAGE_NAMES[lang] })}
                </span>
              </span>
            ) : (
              <a
                href={`${localPath({ lang }, ctx.path)}${ctx.query ?? ''}`}
                hreflang={lang}
                lang={lang}
              >
                {lang.toUpperCase()}
                <span class="visually-hidden"> {LANGUAGE_NAMES[lang]}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Sign in, or the account and sign out (a confirmation page whose form posts). */
function AccountLinks({ ctx }: { readonly ctx: PageContext }) {
  const link = (path: string, label: string) => <NavLink ctx={ctx} path={path} label={label} />;
  return (
    <nav class="account-links" aria-label={ctx.t('account:links.label')}>
      <ul>
        {ctx.signedIn === true ? (
          <>
            {link('/account', ctx.t('account:links.account'))}
            {link('/sign-out', ctx.t('account:links.signOut'))}
          </>
        ) : (
          link('/sign-in', ctx.t('account:links.signIn'))
        )}
      </ul>
    </nav>
  );
}

function Header({ ctx }: { readonly ctx: PageContext }) {
  const link = (path: string, label: string) => <NavLink ctx={ctx} path={path} label={label} />;
  return (
    <header class="site-header">
      <div class="container header-bar">
        <a class="site-name" href={localPath(ctx, '/')}>
          {ctx.t('site.name')}
        </a>
        <div class="header-tools">
          <AccountLinks ctx={ctx} />
          <LanguageSwitcher ctx={ctx} />
        </div>
      </div>
      <nav class="container main-nav" aria-label={ctx.t('nav.label')}>
        <ul>
          {link('/', ctx.t('nav.home'))}
          {link('/register', ctx.t('nav.register'))}
          {link('/stats', ctx.t('nav.stats'))}
          {link('/apply', ctx.t('nav.apply'))}
          {link('/tools/validate', ctx.t('nav.validate'))}
          <li>
            <a href="/docs">{ctx.t('nav.apiDocs')}</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}

function Footer({ ctx }: { readonly ctx: PageContext }) {
  return (
    <footer class="site-footer">
      <div class="container">
        <h2 class="visually-hidden">{ctx.t('footer.label')}</h2>
        <p>{ctx.t('footer.about')}</p>
        <ul class="footer-links">
          <li>
            <a href="/docs">{ctx.t('footer.api')}</a>
          </li>
          <li>
            <a href="/openapi.json">{ctx.t('footer.openapi')}</a>
          </li>
          <li>
            <a href="/healthz">{ctx.t('footer.health')}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}

/** The shell of every page: skip link, header with language switcher, main content, footer. */
export function Layout({ ctx, title, children, scripts = [] }: LayoutProps) {
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${ctx.t('site.name')}`}</title>
        <link rel="stylesheet" href="/assets/style.css" />
        {LANGUAGES.map((lang) => (
          <link
            key={lang}
            rel="alternate"
            hreflang={lang}
            href={`${localPath({ lang }, ctx.path)}${ctx.query ?? ''}`}
          />
        ))}
        {scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ctx.t('skipToContent')}
        </a>
        <Header ctx={ctx} />
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}
