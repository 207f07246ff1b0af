import {
  formatHead,
  type AuditVerification,
  type BreakReport,
  type EntryMark,
} from '../../../../app/audit/verify-audit-trail.ts';
import type { PageContext } from '../../../../views/page-context.ts';
import { actionLabel, formatDateTime } from './entry-parts.tsx';

function mark(ctx: PageContext, entry: EntryMark | undefined, seq: number | null): string {
  if (entry === undefined)
    return ctx.t('admin-audit:verify.entryMark', { seq, action: '?', at: '?' });
  return ctx.t('admin-audit:verify.entryMark', {
    seq: entry.seq,
    action: actionLabel(ctx, entry.action),
    at: formatDateTime(ctx.lang, entry.at),
  });
}

/** The first break in words: which entry, and what was done to it. */
export function explainBreak(ctx: PageContext, b: BreakReport): string {
  const k = (key: string, values: Record<string, unknown>) =>
    ctx.t(`admin-audit:verify.kinds.${key}`, values);
  const previous = b.previous?.seq ?? 0;
  switch (b.kind) {
    case 'altered':
      return k('altered', { entry: mark(ctx, b.entry, b.seq) });
    case 'replaced':
      return b.by === 'next'
        ? k('replacedNext', { entry: mark(ctx, b.entry, b.seq), next: b.seq + 1 })
        : k('replacedHead', { entry: mark(ctx, b.entry, b.seq) });
    case 'missing': {
      const last = b.seq + b.count - 1;
      if (b.seq === 1) return k(b.count === 1 ? 'missingFirstOne' : 'missingFirst', { last });
      return k(b.count === 1 ? 'missingOne' : 'missing', { seq: b.seq, last, previous });
    }
    case 'truncated': {
      const last = b.seq + b.count - 1;
      const key = b.by === 'head' ? 'truncatedHead' : 'truncatedAnchor';
      return k(b.count === 1 ? `${key}One` : key, { seq: b.seq, last, previous });
    }
    case 'unchained':
      return k('unchained', { entry: mark(ctx, b.entry, b.seq) });
    case 'no_head':
      return k('noHead', {});
    case 'rewritten':
      return b.seq === null ? k('rewrittenUnknown', {}) : k('rewritten', { seq: b.seq });
  }
}

/** The outcome of "verify now": a status message when intact, an alert naming the break. */
export function VerificationReport({
  ctx,
  result,
}: {
  readonly ctx: PageContext;
  readonly result: AuditVerification;
}) {
  const { t } = ctx;
  if (result.intact) {
    return (
      <div class="notice" role="status" id="verification">
        <p>
          {result.last === undefined
            ? t('admin-audit:verify.intactEmpty')
            : t('admin-audit:verify.intact', { seq: result.last.seq })}
        </p>
        {result.anchors.length > 0 && <p>{t('admin-audit:verify.anchorFound')}</p>}
        {result.head !== null && (
          <p>
            {t('admin-audit:verify.headIs')} <code class="mono">{formatHead(result.head)}</code>
          </p>
        )}
      </div>
    );
  }
  const b = result.break;
  return (
    <div class="error-summary" role="alert" id="verification" aria-labelledby="verification-title">
      <h2 id="verification-title">
        {b === undefined || b.seq === null
          ? t('admin-audit:verify.brokenTitle')
          : t('admin-audit:verify.brokenAt', { seq: b.seq })}
      </h2>
      {b !== undefined && <p>{explainBreak(ctx, b)}</p>}
      <p>
        {result.verified === 0
          ? t('admin-audit:verify.noneVerified')
          : t('admin-audit:verify.verifiedBefore', { count: result.verified })}
      </p>
    </div>
  );
}
