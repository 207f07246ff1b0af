import type { PageContext } from '../../../views/page-context.ts';
import { NavLink } from '../../../views/nav-link.tsx';

/** The account's own pages. */
export function AccountNav({ ctx }: { readonly ctx: PageContext }) {
  const link = (path: string, label: string) => <NavLink ctx={ctx} path={path} label={label} />;
  return (
    <nav class="account-nav" aria-label={ctx.t('account:nav.label')}>
      <ul>
        {link('/account', ctx.t('account:nav.applications'))}
        {link('/account/team', ctx.t('account:nav.team'))}
        {link('/account/tokens', ctx.t('account:nav.tokens'))}
        {link('/account/requests', ctx.t('account:nav.requests'))}
      </ul>
    </nav>
  );
}
