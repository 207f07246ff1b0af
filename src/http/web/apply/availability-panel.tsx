import type { AvailabilityReport } from '../../../app/applications/check-availability.ts';
import type { PageContext } from '../../../views/page-context.ts';
import { countryName } from '../register/formatting.ts';

const MESSAGE_KEYS = [
  'checking',
  'free',
  'taken',
  'reserved',
  'quarantined',
  'abroad',
  'abroadUnnamed',
  'alternatives',
  'useCode',
  'unavailable',
] as const;

/** The messages the enhancement script needs, as `data-msg-*` attributes (no inline script). */
function messageAttributes(ctx: PageContext): Record<string, string> {
  return Object.fromEntries(
    MESSAGE_KEYS.map((key) => [
      `data-msg-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      ctx.t(`apply:availability.${key}`, {
        id: '{id}',
        code: '{code}',
        name: '{name}',
        country: '{country}',
        registry: '{registry}',
      }),
    ]),
  );
}

/** The warning that a code is held abroad, naming the holder and the register that says so. */
export function heldAbroadText(
  ctx: PageContext,
  code: string,
  h: AvailabilityReport['heldAbroad'][number],
): string {
  return ctx.t(
    h.organisationName === null ? 'apply:availability.abroadUnnamed' : 'apply:availability.abroad',
    {
      code,
      name: h.organisationName ?? '',
      country: countryName(ctx.lang, h.country),
      registry: h.registry,
    },
  );
}

interface PanelProps {
  readonly ctx: PageContext;
  readonly report: AvailabilityReport | undefined;
  /** The step page with the code field filled with another code. */
  readonly useCodeHref: (code: string) => string;
}

function Report({
  ctx,
  report,
  useCodeHref,
}: PanelProps & { readonly report: AvailabilityReport }) {
  return (
    <>
      <ul class="availability-list">
        {report.countries.map((c) => (
          <li key={c.key} class={`availability--${c.availability}`}>
            {ctx.t(`apply:availability.${c.availability}`, { id: `${c.country}*${report.code}` })}
          </li>
        ))}
        {report.heldAbroad.map((h) => (
          <li key={`${h.country}-${h.registry}-${h.role}`} class="availability--abroad">
            {heldAbroadText(ctx, report.code, h)}
          </li>
        ))}
      </ul>
      {report.alternatives.length > 0 && (
        <>
          <p>{ctx.t('apply:availability.alternatives', { code: report.code })}</p>
          <ul class="availability-alternatives">
            {report.alternatives.map((code) => (
              <li key={code}>
                <a href={useCodeHref(code)} class="use-code" data-code={code}>
                  {ctx.t('apply:availability.useCode', { code })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * What the register says about the code. Filled by the server after the step is sent, and kept
 * up to date by `availability.js` as the applicant types; announced politely either way.
 */
export function AvailabilityPanel(props: PanelProps) {
  const { ctx, report } = props;
  return (
    <div id="availability" class="availability" aria-live="polite" {...messageAttributes(ctx)}>
      {report !== undefined && <Report {...props} report={report} />}
    </div>
  );
}
