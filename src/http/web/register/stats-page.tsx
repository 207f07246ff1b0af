import type { RegisterStats } from '../../../app/register/models.ts';
import { CODE_STATUSES } from '../../../domain/register/code-status.ts';
import { REGISTER_COUNTRIES } from '../../../domain/register/party-key.ts';
import { ROLES } from '../../../domain/register/roles.ts';
import { Layout } from '../../../views/layout.tsx';
import type { PageContext } from '../../../views/page-context.ts';
import { BarChart, type Bar } from './bar-chart.tsx';
import { Downloads } from './downloads.tsx';
import { countryName, formatMonth, formatNumber } from './formatting.ts';

interface ChartSectionProps {
  readonly ctx: PageContext;
  readonly id: string;
  readonly title: string;
  readonly categoryHeader: string;
  readonly bars: readonly Bar[];
  readonly note?: string;
}

/** A chart and the same figures as a table, so they can be read without seeing the chart. */
function ChartSection({ ctx, id, title, categoryHeader, bars, note }: ChartSectionProps) {
  return (
    <section class="chart-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {note !== undefined && <p>{note}</p>}
      <div class="chart-pair">
        <BarChart
          id={id}
          title={title}
          description={ctx.t('register:stats.chartDescription')}
          bars={bars}
        />
        <table class="chart-table">
          <caption>{ctx.t('register:stats.tableCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              <th scope="col" class="numeric">
                {ctx.t('register:stats.colCodes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td class="numeric">{bar.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every known category is shown, with 0 where the register has none: an absence is a figure too. */
function barsOf(
  ctx: PageContext,
  counts: Readonly<Record<string, number>>,
  known: readonly string[],
  label: (key: string) => string,
): Bar[] {
  const keys = [...known, ...Object.keys(counts).filter((k) => !known.includes(k))];
  return keys.map((key) => {
    const value = counts[key] ?? 0;
    return { label: label(key), value, text: formatNumber(ctx.lang, value) };
  });
}

function MonthSection({
  ctx,
  stats,
}: {
  readonly ctx: PageContext;
  readonly stats: RegisterStats;
}) {
  const unknown = stats.registrationDateUnknown;
  if (stats.registrationsByMonth.length === 0) {
    return (
      <section class="chart-section" aria-labelledby="by-month-heading">
        <h2 id="by-month-heading">{ctx.t('register:stats.byMonth')}</h2>
        <p>
          {unknown === 0
            ? ctx.t('register:stats.noCodes')
            : ctx.t('register:stats.noDates', { count: unknown })}
        </p>
      </section>
    );
  }
  const bars = stats.registrationsByMonth.map((m) => ({
    label: formatMonth(ctx.lang, m.month),
    value: m.count,
    text: formatNumber(ctx.lang, m.count),
  }));
  return (
    <ChartSection
      ctx={ctx}
      id="by-month"
      title={ctx.t('register:stats.byMonth')}
      categoryHeader={ctx.t('register:stats.colMonth')}
      bars={bars}
      note={unknown > 0 ? ctx.t('register:stats.someUndated', { count: unknown }) : undefined}
    />
  );
}

function KeyFigures({ ctx, stats }: { readonly ctx: PageContext; readonly stats: RegisterStats }) {
  return (
    <dl class="key-figures">
      <div>
        <dt>{ctx.t('register:stats.totalCodes')}</dt>
        <dd>{formatNumber(ctx.lang, stats.total)}</dd>
      </div>
      <div>
        <dt>{ctx.t('register:stats.totalHolders')}</dt>
        <dd>{formatNumber(ctx.lang, stats.holders)}</dd>
      </div>
    </dl>
  );
}

/** The register in figures, with charts that need no script and tables that need no sight. */
export function StatsPage({
  ctx,
  stats,
}: {
  readonly ctx: PageContext;
  readonly stats: RegisterStats;
}) {
  const title = ctx.t('register:stats.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{ctx.t('register:stats.lead')}</p>
      <KeyFigures ctx={ctx} stats={stats} />
      <ChartSection
        ctx={ctx}
        id="by-country"
        title={ctx.t('register:stats.byCountry')}
        categoryHeader={ctx.t('register:stats.colCountry')}
        bars={barsOf(ctx, stats.byCountry, REGISTER_COUNTRIES, (c) => countryName(ctx.lang, c))}
      />
      <ChartSection
        ctx={ctx}
        id="by-role"
        title={ctx.t('register:stats.byRole')}
        categoryHeader={ctx.t('register:stats.colRole')}
        bars={barsOf(ctx, stats.byRole, ROLES, (r) => ctx.t(`register:roles.long.${r}`))}
        note={ctx.t('register:stats.rolesNote')}
      />
      <ChartSection
        ctx={ctx}
        id="by-status"
        title={ctx.t('register:stats.byStatus')}
        categoryHeader={ctx.t('register:stats.colStatus')}
        bars={barsOf(ctx, stats.byStatus, CODE_STATUSES, (s) => ctx.t(`register:statuses.${s}`))}
      />
      <MonthSection ctx={ctx} stats={stats} />
      <Downloads ctx={ctx} />
    </Layout>
  );
}
