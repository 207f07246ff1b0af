import type { ComponentChildren } from 'preact';
import { entryDiff, type FieldChange } from '../../../../app/audit/entry-diff.ts';
import type { AuditEntry } from '../../../../app/audit/ports.ts';
import { isCodeStatus } from '../../../../domain/register/code-status.ts';
import { displayKey } from '../../../../domain/register/party-key.ts';
import { localPath, type PageContext } from '../../../../views/page-context.ts';

/** Legal names of holders, by id, for the holders a page names. */
export type HolderNames = ReadonlyMap<string, string>;

/** What a component showing one entry of the trail is given. */
export interface EntryProps {
  readonly ctx: PageContext;
  readonly entry: AuditEntry;
  /** The names of the holders it refers to. */
  readonly names: HolderNames;
}

/** One label and its value in a summary list (`dl.summary-list`). */
export function SummaryRow({
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

export const AUDIT_PATH = '/admin/audit';

/** The trail of one holder, without the language prefix. */
export function holderTrailPath(holderId: string): string {
  return `${AUDIT_PATH}/holders/${encodeURIComponent(holderId)}`;
}

/** The trail of one code (`BEABC`), without the language prefix. */
export function codeTrailPath(key: string): string {
  return `${AUDIT_PATH}/codes/${encodeURIComponent(key)}`;
}

/** `BEABC` as operators write it, `BE*ABC`; anything else in the trail as it is. */
export function codeDisplay(key: string): string {
  return key.length === 5 ? displayKey(key) : key;
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** An instant of the trail in the page's language, in UTC as it is stored. */
export function formatDateTime(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimes.get(lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang, {
      dateStyle: 'long',
      timeStyle: 'long',
      timeZone: 'UTC',
    });
    dateTimes.set(lang, format);
  }
  return format.format(date);
}

export function DateTime({ ctx, iso }: { readonly ctx: PageContext; readonly iso: string }) {
  return <time dateTime={iso}>{formatDateTime(ctx.lang, iso)}</time>;
}

const ACTION_SHAPE = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;
const FIELD_SHAPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const ACTOR_TYPES = new Set(['staff', 'applicant', 'system', 'cli']);

/** "Code suspended" for `code.suspended`; an action without a translation shows as written. */
export function actionLabel(ctx: PageContext, action: string): string {
  if (!ACTION_SHAPE.test(action)) return action;
  return ctx.t(`admin-audit:actions.${action}`, { defaultValue: action });
}

/** Who made the change, in words: "Staff member a@registry.be". */
export function actorText(ctx: PageContext, entry: AuditEntry): string {
  if (!ACTOR_TYPES.has(entry.actorType)) {
    return [entry.actorType, entry.actorLabel ?? ''].join(' ').trim();
  }
  return entry.actorLabel === null || entry.actorLabel === ''
    ? ctx.t(`admin-audit:actorTypes.${entry.actorType}`)
    : ctx.t(`admin-audit:actors.${entry.actorType}`, { label: entry.actorLabel });
}

function fieldLabel(ctx: PageContext, field: string): string {
  if (field === '') return ctx.t('admin-audit:trail.wholeValue');
  if (!FIELD_SHAPE.test(field)) return field;
  return ctx.t(`admin-audit:fields.${field}`, { defaultValue: field });
}

function HolderLink({
  ctx,
  id,
  names,
}: {
  readonly ctx: PageContext;
  readonly id: string;
  readonly names: HolderNames;
}) {
  const name = names.get(id);
  return (
    <a href={localPath(ctx, holderTrailPath(id))} class={name === undefined ? 'mono' : undefined}>
      {name ?? id}
    </a>
  );
}

function ValueText({
  ctx,
  field,
  value,
  names,
}: {
  readonly ctx: PageContext;
  readonly field: string;
  readonly value: unknown;
  readonly names: HolderNames;
}) {
  if (value === undefined) return <>{ctx.t('admin-audit:trail.notSet')}</>;
  if (value === null || value === '') return <>{ctx.t('admin-audit:trail.emptyValue')}</>;
  if (field === 'holderId' && typeof value === 'string') {
    return <HolderLink ctx={ctx} id={value} names={names} />;
  }
  if (field === 'status' && isCodeStatus(value)) return <>{ctx.t(`register:statuses.${value}`)}</>;
  if (field === 'successorKey' && typeof value === 'string') return <>{codeDisplay(value)}</>;
  if (typeof value === 'string') return <>{value}</>;
  if (typeof value === 'boolean') return <>{ctx.t(`admin-audit:trail.${value ? 'yes' : 'no'}`)}</>;
  if (Array.isArray(value)) {
    return (
      <>
        {value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ')}
      </>
    );
  }
  // What is left came from JSON: a number or an object, shown as JSON.
  const text = JSON.stringify(value);
  return typeof value === 'object' ? <span class="mono">{text}</span> : <>{text}</>;
}

/** The fields an entry changed, before and after, in a table. */
export function ChangesTable({ ctx, entry, names }: EntryProps) {
  const changes: FieldChange[] = entryDiff(entry.before, entry.after);
  if (changes.length === 0) return <p>{ctx.t('admin-audit:trail.noChanges')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{ctx.t('admin-audit:trail.changes', { seq: entry.seq })}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('admin-audit:trail.field')}</th>
            <th scope="col">{ctx.t('admin-audit:trail.before')}</th>
            <th scope="col">{ctx.t('admin-audit:trail.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{fieldLabel(ctx, change.field)}</th>
              <td>
                <ValueText ctx={ctx} field={change.field} value={change.before} names={names} />
              </td>
              <td>
                <ValueText ctx={ctx} field={change.field} value={change.after} names={names} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What an entry is about, with links to the trails it belongs to: the code's, the holder's. A
 * subject of another kind (an application, a staff member, an import) is named as recorded.
 */
export function SubjectLinks({ ctx, entry, names }: EntryProps) {
  const parts = [];
  const codeKey = entry.codeKey ?? (entry.subjectType === 'code' ? entry.subjectId : null);
  const holderId = entry.holderId ?? (entry.subjectType === 'holder' ? entry.subjectId : null);
  if (codeKey !== null) {
    parts.push(
      <a key="code" href={localPath(ctx, codeTrailPath(codeKey))}>
        {ctx.t('admin-audit:subjects.code', { code: codeDisplay(codeKey) })}
      </a>,
    );
  }
  if (holderId !== null) {
    parts.push(
      <a key="holder" href={localPath(ctx, holderTrailPath(holderId))}>
        {ctx.t('admin-audit:subjects.holder', { name: names.get(holderId) ?? holderId })}
      </a>,
    );
  }
  if (entry.subjectType !== 'code' && entry.subjectType !== 'holder') {
    parts.push(
      <span key="other">
        {ctx.t('admin-audit:subjects.other', {
          type: FIELD_SHAPE.test(entry.subjectType)
            ? ctx.t(`admin-audit:subjectTypes.${entry.subjectType}`, {
                defaultValue: entry.subjectType,
              })
            : entry.subjectType,
          id: entry.subjectId,
        })}
      </span>,
    );
  }
  return (
    <>
      {parts.map((part, i) => (
        <div key={i}>{part}</div>
      ))}
    </>
  );
}
