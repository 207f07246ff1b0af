import type { ReservedCode } from '../../../../app/register/models.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';
import { CsrfField } from '../../account/csrf-field.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { displayForms } from '../../register/formatting.ts';
import { pageTitle, ProblemSummary, TextArea, TextInput } from './form-fields.tsx';
import { DoneNotice } from './done-notice.tsx';
import type { FormState } from './operation-forms.tsx';
import { DateText } from './request-details.tsx';

/** The longest reason published beside a reserved code. */
const RESERVED_REASON_MAX = 500;

export interface ReservedPageProps {
  readonly ctx: PageContext;
  readonly staff: StaffMember;
  readonly csrf: string;
  readonly list: readonly ReservedCode[];
  readonly state?: FormState | undefined;
  readonly done?: string | undefined;
}

function List({ props }: { readonly props: ReservedPageProps }) {
  const { ctx, list } = props;
  const { t } = ctx;
  if (list.length === 0) return <p>{t('admin-lifecycle:reserved.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="results">
        <caption>{t('admin-lifecycle:reserved.caption', { count: list.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin-lifecycle:reserved.colCode')}</th>
            <th scope="col">{t('admin-lifecycle:reserved.colReason')}</th>
            <th scope="col">{t('admin-lifecycle:reserved.colSince')}</th>
            <th scope="col">{t('admin-lifecycle:reserved.colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => {
            const code = displayForms(r).cpo;
            return (
              <tr key={r.key}>
                <th scope="row" class="mono">
                  {code}
                </th>
                <td>{r.reason}</td>
                <td>
                  <DateText ctx={ctx} iso={r.createdAt} />
                </td>
                <td>
                  <form
                    method="post"
                    action={localPath(ctx, `/admin/reserved/${r.key}/remove`)}
                    novalidate
                  >
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="link-button">
                      {t('admin-lifecycle:reserved.remove')}
                      <span class="visually-hidden"> {code}</span>
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** `/{lang}/admin/reserved`: the published list of reserved codes, to add to and remove from. */
export function ReservedPage(props: ReservedPageProps) {
  const { ctx, staff, state, done } = props;
  const { t } = ctx;
  const problems = state?.problems ?? [];
  const title = t('admin-lifecycle:reserved.title');
  return (
    <AdminLayout ctx={ctx} staff={staff} title={pageTitle(ctx, title, problems)}>
      <ProblemSummary ctx={ctx} problems={problems} />
      <h1>{title}</h1>
      <p class="lead">{t('admin-lifecycle:reserved.lead')}</p>
      <DoneNotice ctx={ctx} done={done} />
      <List props={props} />
      <section aria-labelledby="reserve-heading">
        <h2 id="reserve-heading" tabIndex={-1}>
          {t('admin-lifecycle:reserved.addHeading')}
        </h2>
        <form
          method="post"
          action={localPath(ctx, '/admin/reserved')}
          class="apply-form"
          novalidate
        >
          <CsrfField token={props.csrf} />
          <TextInput
            ctx={ctx}
            id="reserve-code"
            name="code"
            label={t('admin-lifecycle:reserved.code')}
            hint={t('admin-lifecycle:reserved.codeHint')}
            value={state?.values.code ?? ''}
            maxLength={20}
            width="medium"
            problems={problems}
          />
          <TextArea
            ctx={ctx}
            id="reserve-reason"
            name="reason"
            label={t('admin-lifecycle:reserved.reason')}
            hint={t('admin-lifecycle:reserved.reasonHint')}
            value={state?.values.reason ?? ''}
            maxLength={RESERVED_REASON_MAX}
            problems={problems}
          />
          <button type="submit" class="button">
            {t('admin-lifecycle:reserved.add')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
