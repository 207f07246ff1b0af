import type { ComponentChildren } from 'preact';
import type { StaffMember } from '../../../app/staff/ports.ts';
import { Layout } from '../../../views/layout.tsx';
import { NavLink } from '../../../views/nav-link.tsx';
import type { PageContext } from '../../../views/page-context.ts';

interface AdminLayoutProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly title: string;
  readonly children: ComponentChildren;
  readonly scripts?: readonly string[];
}

/** The back office's navigation: what the signed-in staff member's role may use. */
export function AdminNav({
  ctx,
  staff,
}: {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
}) {
  const link = (path: string, label: string) => <NavLink ctx={ctx} path={path} label={label} />;
  const isAdmin = staff.role === 'admin';
  return (
    <nav class="admin-nav" aria-label={ctx.t('admin:nav.label')}>
      <p class="admin-nav-who">
        {ctx.t('admin:nav.signedInAs', {
          email: staff.email,
          role: ctx.t(`admin:roles.${staff.role}`),
        })}
      </p>
      <ul>
        {link('/admin', ctx.t('admin:nav.queue'))}
        {link('/admin/requests', ctx.t('admin:nav.requests'))}
        {link('/admin/codes', ctx.t('admin:nav.codes'))}
        {isAdmin && link('/admin/reserved', ctx.t('admin:nav.reserved'))}
        {isAdmin && link('/admin/staff', ctx.t('admin:nav.staff'))}
        {link('/admin/audit', ctx.t('admin:nav.audit'))}
        {link('/admin/security', ctx.t('admin:nav.security'))}
        {link('/admin/sign-out', ctx.t('admin:nav.signOut'))}
      </ul>
    </nav>
  );
}

/** Every back-office page: the site shell, then the back-office navigation, then the content. */
export function AdminLayout({ ctx, staff, title, children, scripts }: AdminLayoutProps) {
  return (
    <Layout ctx={ctx} title={title} scripts={scripts}>
      <AdminNav ctx={ctx} staff={staff} />
      {children}
    </Layout>
  );
}
