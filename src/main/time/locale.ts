import type { DatedReading } from '../../shared/format/dated-text.ts';
import type { Settings } from '../../shared/settings.ts';
import type { Clock } from './clock.ts';
import { type Moment, momentOf } from './moment.ts';

/**
 * The locale main writes dates in, for what it shows itself (the CLI, the .ics export and the
 * feed, notifications, the terminal line of the browser shell); the renderer writes in its own.
 *
 * POSIX decides which variable names the locale of dates: LC_ALL, else LC_TIME, else LANG
 * ("en_GB.UTF-8" is en-GB). ICU's default, which Intl uses, reads LC_MESSAGES instead and takes
 * an empty LC_ALL for the root locale (dates then read "M10 8"), so the variables are read here.
 * Without a usable one (C, POSIX, unset: a desktop app started from a dock) Intl's default
 * stands, which Electron sets to the app's language.
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['LC_ALL', 'LC_TIME', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    // The first variable that is set decides, even when it says "no locale" (C).
    return posixToBcp47(value);
  }
  return undefined;
}

function posixToBcp47(value: string): string | undefined {
  const base = value.split(/[.@]/)[0] ?? '';
  if (base === '' || base === 'C' || base === 'POSIX') return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(base.replace('_', '-'));
    return tag && Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0 ? tag : undefined;
  } catch {
    return undefined;
  }
}

function intlDefault(): string {
  const locale = new Intl.DateTimeFormat().resolvedOptions().locale;
  return locale === 'und' ? 'en-US' : locale;
}

let resolved: string | undefined;

/** The system's locale, resolved once (it does not change under a running process). */
export function systemLocale(): string {
  resolved ??= localeFromEnv(process.env) ?? intlDefault();
  return resolved;
}

/** How main reads dated text at a moment: the system's locale, the user's zone and day. */
export function readingAt(
  moment: Pick<Moment, 'today' | 'timeZone'>,
  locale: string = systemLocale(),
): DatedReading {
  return { locale, today: moment.today, timeZone: moment.timeZone };
}

/** The same, now. */
export function readingNow(clock: Clock, settings: Pick<Settings, 'timeZone'>): DatedReading {
  return readingAt(momentOf(clock, settings));
}
