import type { ComponentChildren } from 'preact';
import type { PartyDetail } from '../../../app/register/get-party.ts';
import type { PartyRecord } from '../../../app/register/models.ts';
import { Layout } from '../../../views/layout.tsx';
import { localPath, type PageContext } from '../../../views/page-context.ts';
import { displayForms, formatDate, partyPathOfKey, roleList } from './formatting.ts';
import { HolderSection, OtherCodes } from './holder-section.tsx';
import { HistoryTable } from './history-table.tsx';
import { StatusTag } from './status-tag.tsx';

function DateValue({ ctx, value }: { readonly ctx: PageContext; readonly value: string | null }) {
  if (value === null) return <>{ctx.t('register:common.unknownDate')}</>;
  return <time dateTime={value}>{formatDate(ctx.lang, value)}</time>;
}

function Row({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ComponentChildren;
}) {
  return (
    <div class="summary-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the code is: its spellings, roles, status and what that status means, its dates. */
function CodeSummary({ ctx, record }: { readonly ctx: PageContext; readonly record: PartyRecord }) {
  const forms = displayForms(record);
  return (
    <dl class="summary-list">
      <Row label={ctx.t('register:party.idForms')}>
        {ctx.t('register:party.idFormsValue', {
          cpo: forms.cpo,
          emsp: forms.emsp,
          compact: record.key,
        })}
      </Row>
      <Row label={ctx.t('register:party.roles')}>{roleList(ctx, record.roles, 'long')}</Row>
      <Row label={ctx.t('register:party.status')}>
        <StatusTag ctx={ctx} status={record.status} />
        <span class="status-meaning">{ctx.t(`register:statusMeaning.${record.status}`)}</span>
      </Row>
      <Row label={ctx.t('register:party.validFrom')}>
        <DateValue ctx={ctx} value={record.validFrom} />
      </Row>
      <Row label={ctx.t('register:party.validTo')}>
        {record.validTo === null ? (
          ctx.t('register:party.noEndDate')
        ) : (
          <DateValue ctx={ctx} value={record.validTo} />
        )}
      </Row>
      {record.successorKey !== null && (
        <Row label={ctx.t('register:party.successor')}>
          <a href={partyPathOfKey(ctx.lang, record.successorKey)} class="mono">
            {
              displayForms({
                country: record.successorKey.slice(0, 2),
                code: record.successorKey.slice(2),
              }).cpo
            }
          </a>
        </Row>
      )}
    </dl>
  );
}

interface PartyPageProps {
  readonly ctx: PageContext;
  readonly detail: PartyDetail;
  /** The holder's other codes, in key order. */
  readonly others: readonly PartyRecord[];
}

/** One code of the register: the code, its holder, the holder's other codes and the history. */
export function PartyPage({ ctx, detail, others }: PartyPageProps) {
  const { record, history } = detail;
  const forms = displayForms(record);
  const title = ctx.t('register:party.title', { id: forms.cpo });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="back-link">
        <a href={localPath(ctx, '/register')}>{ctx.t('register:party.backToSearch')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{ctx.t('register:party.heldBy', { holder: record.holder.legalName })}</p>
      <CodeSummary ctx={ctx} record={record} />
      <HolderSection ctx={ctx} record={record} />
      <OtherCodes ctx={ctx} others={others} />
      <HistoryTable ctx={ctx} history={history} />
      <p>
        <a href={`/api/v1/parties/${record.country}/${record.code}`} type="application/json">
          {ctx.t('register:party.jsonLink')}
        </a>
      </p>
    </Layout>
  );
}
