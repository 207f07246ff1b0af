import type { ReviewClock } from '../../../../domain/review/review-clock.ts';
import type { PageContext } from '../../../../views/page-context.ts';
import { formatDate } from '../../register/formatting.ts';

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** An instant as the registry's staff read it: date and time in Brussels. */
export function formatDateTime(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimes.get(lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    });
    dateTimes.set(lang, format);
  }
  return format.format(date);
}

/** Where the ten working days stand, in words: the colour of the tag only repeats them. */
export function ClockText({
  ctx,
  clock,
}: {
  readonly ctx: PageContext;
  readonly clock: ReviewClock;
}) {
  const { t } = ctx;
  switch (clock.state) {
    case 'running':
      if (clock.overdue && clock.deadline !== null) {
        return (
          <>
            <strong class="tag tag--invalid">{t('admin-review:clock.overdue')}</strong>{' '}
            {t('admin-review:clock.overdueSince', { date: formatDate(ctx.lang, clock.deadline) })}
          </>
        );
      }
      return (
        <>
          {clock.daysLeft <= 0
            ? t('admin-review:clock.dueToday')
            : t('admin-review:clock.daysLeft', { count: clock.daysLeft })}
        </>
      );
    case 'paused':
      return (
        <>
          <strong class="tag tag--reserved">{t('admin-review:clock.paused')}</strong>{' '}
          {t('admin-review:clock.pausedLeft', { count: Math.max(0, clock.daysLeft) })}
        </>
      );
    case 'stopped':
      return <>{t('admin-review:clock.stopped', { count: clock.used })}</>;
    case 'not_started':
      return <>{t('admin-review:clock.notStarted')}</>;
  }
}

/** The deadline as a date, or a dash when the clock does not run. */
export function deadlineText(ctx: PageContext, clock: ReviewClock): string {
  return clock.deadline === null ? '–' : formatDate(ctx.lang, clock.deadline);
}

/** Text typed by a person, line by line: line breaks kept without inline style. */
export function Paragraphs({ text }: { readonly text: string }) {
  return (
    <>
      {text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the page's language: "Dutch", "néerlandais", "Nederlands", "Niederländisch". */
export function languageName(pageLang: string, lang: string): string {
  let names = languageNames.get(pageLang);
  if (names === undefined) {
    names = new Intl.DisplayNames([pageLang], { type: 'language' });
    languageNames.set(pageLang, names);
  }
  return names.of(lang) ?? lang;
}
