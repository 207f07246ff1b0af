import type { StaffMember, StaffSummary } from '../../../../app/staff/ports.ts';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../../../i18n/languages.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { ErrorSummary } from '../../account/form-errors.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { dateTime, Input, Select, titled, type FieldProblem } from './form.tsx';

/** A link just made, shown this once. */
export interface ShownLink {
  readonly url: string;
  readonly expiresAt: string;
  readonly email: string;
}

/** What is entered in the form to add a member, kept when it comes back with a problem. */
export interface NewMemberForm {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly lang: string;
}

interface CommonProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly problems?: readonly FieldProblem[];
}

function statusOf(ctx: PageContext, member: StaffSummary): string {
  const { t } = ctx;
  if (member.disabledAt !== null) return t('admin-staff:status.disabled');
  if (member.lockedUntil !== null) {
    return t('admin-staff:status.locked', { until: dateTime(ctx, member.lockedUntil) });
  }
  return member.enrolledAt === null
    ? t('admin-staff:status.pending')
    : t('admin-staff:status.active');
}

function LinkNotice({ ctx, link }: { readonly ctx: PageContext; readonly link: ShownLink }) {
  const { t } = ctx;
  return (
    <div class="notice" role="status">
      <p>{t('admin-staff:manage.linkMade', { email: link.email })}</p>
      <p>
        <code class="mono" id="enrolment-link">
          {link.url}
        </code>
      </p>
      <p>{t('admin-staff:manage.linkExpiry', { until: dateTime(ctx, link.expiresAt) })}</p>
    </div>
  );
}

function roleOptions(ctx: PageContext) {
  return [
    { value: 'reviewer', label: ctx.t('admin-staff:roles.reviewer') },
    { value: 'admin', label: ctx.t('admin-staff:roles.admin') },
  ];
}

function StaffTable({
  ctx,
  members,
}: {
  readonly ctx: PageContext;
  readonly members: readonly StaffSummary[];
}) {
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table class="results">
        <caption>{t('admin-staff:manage.caption', { count: members.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin-staff:manage.colEmail')}</th>
            <th scope="col">{t('admin-staff:manage.colName')}</th>
            <th scope="col">{t('admin-staff:manage.colRole')}</th>
            <th scope="col">{t('admin-staff:manage.colStatus')}</th>
            <th scope="col">{t('admin-staff:manage.colLastSignIn')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <a href={localPath(ctx, `/admin/staff/${m.id}`)}>{m.email}</a>
              </th>
              <td>{m.name ?? ''}</td>
              <td>{t(`admin-staff:roles.${m.role}`)}</td>
              <td>{statusOf(ctx, m)}</td>
              <td>
                {m.lastSignInAt === null
                  ? t('admin-staff:manage.never')
                  : dateTime(ctx, m.lastSignInAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/{lang}/admin/staff`: every staff member, and a form to add one (admins only). */
export function StaffListPage(
  props: CommonProps & {
    readonly members: readonly StaffSummary[];
    readonly form: NewMemberForm;
    readonly link?: ShownLink;
  },
) {
  const { ctx, staff, csrf, members, form, link, problems = [] } = props;
  const { t } = ctx;
  const title = t('admin-staff:manage.title');
  return (
    <AdminLayout ctx={ctx} staff={staff} title={titled(ctx, title, problems)}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <h1>{title}</h1>
      {link !== undefined && <LinkNotice ctx={ctx} link={link} />}
      <StaffTable ctx={ctx} members={members} />
      <h2>{t('admin-staff:manage.addHeading')}</h2>
      <p>{t('admin-staff:manage.addLead')}</p>
      <form method="post" action={localPath(ctx, '/admin/staff')} novalidate>
        <CsrfField token={csrf} />
        <Input
          ctx={ctx}
          id="email"
          type="email"
          label={t('admin-staff:fields.email')}
          value={form.email}
          autocomplete="off"
          maxLength={254}
          problems={problems}
        />
        <Input
          ctx={ctx}
          id="name"
          type="text"
          label={t('admin-staff:fields.name')}
          hint={t('admin-staff:fields.nameHint')}
          value={form.name}
          autocomplete="off"
          maxLength={200}
          problems={problems}
        />
        <Select
          ctx={ctx}
          id="role"
          label={t('admin-staff:fields.role')}
          options={roleOptions(ctx)}
          value={form.role}
          problems={problems}
        />
        <Select
          ctx={ctx}
          id="lang"
          label={t('admin-staff:fields.lang')}
          options={LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang] }))}
          value={form.lang}
          problems={problems}
        />
        <button type="submit" class="button">
          {t('admin-staff:manage.addSubmit')}
        </button>
      </form>
    </AdminLayout>
  );
}

/** What just changed, said at the top of the member's page. */
export type MemberChange = 'role' | 'disabled' | 'enabled';

/** `/{lang}/admin/staff/{id}`: one member; change its role, disable it, issue a new link. */
export function StaffMemberPage(
  props: CommonProps & {
    readonly member: StaffSummary;
    readonly link?: ShownLink;
    readonly changed?: MemberChange;
  },
) {
  const { ctx, staff, csrf, member, link, changed, problems = [] } = props;
  const { t } = ctx;
  const title = t('admin-staff:member.title', { email: member.email });
  const base = `/admin/staff/${member.id}`;
  const self = member.id === staff.id;
  return (
    <AdminLayout ctx={ctx} staff={staff} title={titled(ctx, title, problems)}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <p>
        <a class="back-link" href={localPath(ctx, '/admin/staff')}>
          {t('admin-staff:member.back')}
        </a>
      </p>
      <h1>{title}</h1>
      {changed !== undefined && (
        <div class="notice" role="status">
          <p>{t(`admin-staff:member.changed.${changed}`)}</p>
        </div>
      )}
      {link !== undefined && <LinkNotice ctx={ctx} link={link} />}
      <dl class="summary-list" id="staff">
        <div class="summary-row">
          <dt>{t('admin-staff:fields.name')}</dt>
          <dd>{member.name ?? '-'}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin-staff:fields.role')}</dt>
          <dd>{t(`admin-staff:roles.${member.role}`)}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin-staff:fields.lang')}</dt>
          <dd>{isLanguage(member.lang) ? LANGUAGE_NAMES[member.lang] : member.lang}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin-staff:manage.colStatus')}</dt>
          <dd>{statusOf(ctx, member)}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin-staff:manage.colLastSignIn')}</dt>
          <dd>
            {member.lastSignInAt === null
              ? t('admin-staff:manage.never')
              : dateTime(ctx, member.lastSignInAt)}
          </dd>
        </div>
      </dl>
      {self ? (
        <p>{t('admin-staff:member.self')}</p>
      ) : (
        <>
          <h2>{t('admin-staff:member.roleHeading')}</h2>
          <form method="post" action={localPath(ctx, `${base}/role`)}>
            <CsrfField token={csrf} />
            <Select
              ctx={ctx}
              id="role"
              label={t('admin-staff:fields.role')}
              options={roleOptions(ctx)}
              value={member.role}
              problems={problems}
            />
            <button type="submit" class="button">
              {t('admin-staff:member.roleSubmit')}
            </button>
          </form>
          <h2>{t('admin-staff:member.accessHeading')}</h2>
          <form
            method="post"
            action={localPath(ctx, `${base}/${member.disabledAt === null ? 'disable' : 'enable'}`)}
          >
            <CsrfField token={csrf} />
            <p>
              {member.disabledAt === null
                ? t('admin-staff:member.disableLead')
                : t('admin-staff:member.enableLead')}
            </p>
            <button
              type="submit"
              class={member.disabledAt === null ? 'button button--warning' : 'button'}
            >
              {member.disabledAt === null
                ? t('admin-staff:member.disableSubmit')
                : t('admin-staff:member.enableSubmit')}
            </button>
          </form>
          {member.disabledAt === null && (
            <>
              <h2>{t('admin-staff:member.linkHeading')}</h2>
              <form method="post" action={localPath(ctx, `${base}/enrolment`)}>
                <CsrfField token={csrf} />
                <p>{t('admin-staff:member.linkLead')}</p>
                <button type="submit" class="button button--warning">
                  {t('admin-staff:member.linkSubmit')}
                </button>
              </form>
            </>
          )}
        </>
      )}
    </AdminLayout>
  );
}
