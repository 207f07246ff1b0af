import { localPath, type PageContext } from '../../../views/page-context.ts';

/** The account's own pages. */
export function AccountNav({ ctx }: { readonly ctx: PageContext }) {
  const link = (path: string, label: string) => (
    <li>
      <a href={localPath(ctx, path)} aria-current={ctx.path === path ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="account-nav" aria-label={ctx.t('account:nav.label')}>
      <ul>
        {link('/account', ctx.t('account:nav.applications'))}
        {link('/account/team', ctx.t('account:nav.team'))}
        {link('/account/tokens', ctx.t('account:nav.tokens'))}
      </ul>
    </nav>
  );
}
