import type { CheckedId, CheckedList } from '../../../../app/validate-ids.ts';
import type { PageContext } from '../../../../views/page-context.ts';
import { characterAt, explain, markText } from './explain.ts';

type Ctx = Pick<PageContext, 't' | 'lang'>;

/** The input in monospace with the blamed character marked, and said in words for screen readers. */
function MarkedInput({ ctx, item }: { readonly ctx: Ctx; readonly item: CheckedId }) {
  const { input } = item.record;
  const position = item.result.valid ? undefined : item.result.position;
  const character = position === undefined ? undefined : characterAt(input, position);
  if (position === undefined || character === undefined) return <code>{input}</code>;
  return (
    <>
      <code>
        {input.slice(0, position)}
        <mark>{markText(character)}</mark>
        {input.slice(position + character.length)}
      </code>
      <span class="visually-hidden">
        {' '}
        {ctx.t('validate:results.marked', { position: position + 1 })}
      </span>
    </>
  );
}

function None({ ctx }: { readonly ctx: Ctx }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span class="visually-hidden">{ctx.t('validate:results.none')}</span>
    </>
  );
}

function DisplayForm({ ctx, item }: { readonly ctx: Ctx; readonly item: CheckedId }) {
  const { result } = item;
  if (!result.valid) return <None ctx={ctx} />;
  const { separated, partyCpo, partyEmsp } = result.display;
  if (separated !== undefined) return <code>{separated}</code>;
  if (partyCpo === undefined || partyEmsp === undefined) return <None ctx={ctx} />;
  return (
    <>
      <code>{partyCpo}</code>
      <br />
      <code>{partyEmsp}</code>
    </>
  );
}

function ResultRow({ ctx, item }: { readonly ctx: Ctx; readonly item: CheckedId }) {
  const { t } = ctx;
  const { record } = item;
  return (
    <tr>
      <th scope="row" class="mono">
        <MarkedInput ctx={ctx} item={item} />
      </th>
      <td>
        <strong class={record.valid ? 'tag tag--valid' : 'tag tag--invalid'}>
          {t(record.valid ? 'validate:results.verdictValid' : 'validate:results.verdictInvalid')}
        </strong>
      </td>
      <td>
        {t(`validate:kinds.${record.kind}`)}
        {record.detected && <span class="hint">{t('validate:results.detected')}</span>}
      </td>
      <td>
        {record.normalized === undefined ? <None ctx={ctx} /> : <code>{record.normalized}</code>}
      </td>
      <td>
        <DisplayForm ctx={ctx} item={item} />
      </td>
      <td>{explain(t, item)}</td>
    </tr>
  );
}

function Counts({ ctx, checked }: { readonly ctx: Ctx; readonly checked: CheckedList }) {
  const { t } = ctx;
  const number = new Intl.NumberFormat(ctx.lang);
  const { total, valid, invalid } = checked.summary;
  return (
    <dl class="result-counts">
      <dt>{t('validate:results.checked')}</dt>
      <dd>{number.format(total)}</dd>
      <dt>{t('validate:results.valid')}</dt>
      <dd>{number.format(valid)}</dd>
      <dt>{t('validate:results.invalid')}</dt>
      <dd>{number.format(invalid)}</dd>
    </dl>
  );
}

function ResultsTable({ ctx, checked }: { readonly ctx: Ctx; readonly checked: CheckedList }) {
  const { t } = ctx;
  return (
    // Focusable so keyboard users can scroll a table wider than the screen.
    <div class="table-wrap" role="region" aria-labelledby="results-caption" tabIndex={0}>
      <table class="results">
        <caption id="results-caption">{t('validate:results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('validate:results.colInput')}</th>
            <th scope="col">{t('validate:results.colVerdict')}</th>
            <th scope="col">{t('validate:results.colKind')}</th>
            <th scope="col">{t('validate:results.colNormalized')}</th>
            <th scope="col">{t('validate:results.colDisplay')}</th>
            <th scope="col">{t('validate:results.colExplanation')}</th>
          </tr>
        </thead>
        <tbody>
          {checked.items.map((item, index) => (
            <ResultRow key={index} ctx={ctx} item={item} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The results: counts, then one table row per ID in the order entered. */
export function ResultsSection({
  ctx,
  checked,
  permalink,
}: {
  readonly ctx: Ctx;
  readonly checked: CheckedList;
  readonly permalink: string | undefined;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('validate:results.heading')}</h2>
      <Counts ctx={ctx} checked={checked} />
      <ResultsTable ctx={ctx} checked={checked} />
      {permalink !== undefined && (
        <p>
          <a href={permalink}>{t('validate:results.permalink')}</a>
        </p>
      )}
      <p class="notice">{t('validate:results.apiHint')}</p>
    </section>
  );
}
