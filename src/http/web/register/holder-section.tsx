import type { PartyRecord } from '../../../app/register/models.ts';
import type { PageContext } from '../../../views/page-context.ts';
import { countryName, displayForms, partyPath, roleList, safeWebsite } from './formatting.ts';
import { StatusTag } from './status-tag.tsx';

function Website({ website }: { readonly website: string }) {
  const href = safeWebsite(website);
  if (href === undefined) return <>{website}</>;
  return (
    <a href={href} rel="noopener">
      {website.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
    </a>
  );
}

/** The holder as the register publishes it: names, seat and website, never personal data. */
export function HolderSection({
  ctx,
  record,
}: {
  readonly ctx: PageContext;
  readonly record: PartyRecord;
}) {
  const { holder } = record;
  const none = ctx.t('register:holder.notGiven');
  return (
    <section aria-labelledby="holder-heading">
      <h2 id="holder-heading">{ctx.t('register:holder.heading')}</h2>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>{ctx.t('register:holder.legalName')}</dt>
          <dd>{holder.legalName}</dd>
        </div>
        <div class="summary-row">
          <dt>{ctx.t('register:holder.tradingName')}</dt>
          <dd>{holder.tradingName ?? none}</dd>
        </div>
        <div class="summary-row">
          <dt>{ctx.t('register:holder.country')}</dt>
          <dd>{holder.country === null ? none : countryName(ctx.lang, holder.country)}</dd>
        </div>
        <div class="summary-row">
          <dt>{ctx.t('register:holder.website')}</dt>
          <dd>{holder.website === null ? none : <Website website={holder.website} />}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The holder's other codes, each linking to its own page. */
export function OtherCodes({
  ctx,
  others,
}: {
  readonly ctx: PageContext;
  readonly others: readonly PartyRecord[];
}) {
  return (
    <section aria-labelledby="other-codes-heading">
      <h2 id="other-codes-heading">{ctx.t('register:otherCodes.heading')}</h2>
      {others.length === 0 ? (
        <p>{ctx.t('register:otherCodes.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{ctx.t('register:otherCodes.caption', { count: others.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('register:results.colId')}</th>
                <th scope="col">{ctx.t('register:results.colRoles')}</th>
                <th scope="col">{ctx.t('register:results.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((other) => (
                <tr key={other.key}>
                  <th scope="row">
                    <a href={partyPath(ctx.lang, other)} class="mono">
                      {displayForms(other).cpo}
                    </a>
                  </th>
                  <td>{roleList(ctx, other.roles, 'short')}</td>
                  <td>
                    <StatusTag ctx={ctx} status={other.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
