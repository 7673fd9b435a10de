import type {
  Forecast,
  ForecastDay,
  ForecastQueryParsed,
  ForecastSummary,
} from '../../../shared/domain/forecast.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { Db } from '../../store/database.ts';
import { cyclesAtEnd, memoryCopy } from '../../store/forecast-store.ts';
import { addDays, atLocalHour, dayNumber, localDayOf } from '../../time/local-day.ts';
import { userTimeZone } from '../../time/zone.ts';
import { captureSchedule, evenPace } from './captures.ts';
import { userHistory } from './history.ts';
import { FORECAST_SEED } from './reply-fate.ts';
import { type SimulationTrace, simulate } from './simulate.ts';

const PEAKS_SHOWN = 5;
/** A new contact's first message counts as a refresher within 48 h up to two days after meeting. */
const REFRESH_WINDOW_DAYS = 2;

/**
 * "What will the next days ask of me?": the follow-up engine run forward on an in-memory copy of
 * the user's database (README: Insights, Forecast). The user's file is only read, once.
 */
export async function forecast(
  db: Db,
  saved: Settings,
  now: Date,
  query: ForecastQueryParsed,
  seed = FORECAST_SEED,
): Promise<Forecast> {
  // Only what the query names replaces the saved settings (a key sent as undefined keeps them).
  const overrides = Object.entries(query.settings ?? {}).filter(([, value]) => value !== undefined);
  const settings: Settings = { ...saved, ...Object.fromEntries(overrides) };
  const timeZone = userTimeZone(settings);
  const today = localDayOf(now, timeZone);
  // Read-only queries on the user's file, remembered while it does not change (history.ts).
  const history =
    query.replyRate === undefined || query.capturesPerWeek === undefined
      ? userHistory(db, today, timeZone)
      : null;
  const replyRate =
    query.replyRate === undefined
      ? history!.replyRate
      : { value: query.replyRate, source: 'given' as const, messages: 0 };
  const pace =
    query.capturesPerWeek === undefined
      ? history!.pace
      : evenPace(query.capturesPerWeek, settings.workingDays);
  const copy = memoryCopy(db);
  try {
    const trace = await simulate({
      copy,
      settings,
      timeZone,
      now,
      today,
      days: query.days,
      replyRate: replyRate.value,
      seed,
      capturesOn: captureSchedule(pace),
    });
    const through = addDays(today, query.days - 1);
    const cycles = cyclesAtEnd(copy, atLocalHour(addDays(through, 1), 0, timeZone).toISOString());
    return {
      from: today,
      through,
      timeZone,
      days: trace.days,
      peaks: peaksOf(trace.days),
      summary: {
        ...summaryOf(trace, through, settings),
        openCyclesAtEnd: cycles.neverEnding,
        cyclesWaiting: cycles.waiting,
        cyclesContinuing: cycles.continuing,
      },
      assumptions: {
        replyRate,
        capturesPerWeek: {
          value: Math.round(pace.perWeek * 100) / 100,
          source: query.capturesPerWeek === undefined ? 'history' : 'given',
        },
        dailyBudget: settings.caps.dailyBudget,
        defaultPacing: settings.defaultPacing,
        caps: { ...settings.caps },
        seed,
      },
    };
  } finally {
    copy.close();
  }
}

function peaksOf(days: readonly ForecastDay[]): Forecast['peaks'] {
  return days
    .filter((d) => d.prompts > 0)
    .sort((a, b) => b.prompts - a.prompts || (a.date < b.date ? -1 : 1))
    .slice(0, PEAKS_SHOWN)
    .map((d) => ({ date: d.date, prompts: d.prompts, budget: d.budget }));
}

function summaryOf(
  trace: SimulationTrace,
  through: string,
  settings: Settings,
): Omit<ForecastSummary, 'openCyclesAtEnd' | 'cyclesWaiting' | 'cyclesContinuing'> {
  let measured = 0;
  let within48h = 0;
  const last = dayNumber(through);
  for (const person of trace.captured.values()) {
    const met = dayNumber(person.metOn);
    // Only people whose 48 h ran out within the horizon can be judged.
    if (met + REFRESH_WINDOW_DAYS > last) continue;
    measured++;
    if (person.firstMessage !== null && dayNumber(person.firstMessage) <= met + REFRESH_WINDOW_DAYS)
      within48h++;
  }
  return {
    newContacts: trace.captured.size,
    refreshedWithin48h: measured === 0 ? null : Math.round((within48h / measured) * 1000) / 1000,
    refreshed: { within48h, measured },
    maxTouchesPer30Days: maxInAnyWindow(trace.nudges, 30),
    touchCap: settings.caps.maxPer30Days,
    daysOverBudget: trace.days.filter((d) => d.workingDay && d.prompts > d.budget).length,
    totalDone: trace.days.reduce((n, d) => n + d.done, 0),
  };
}

/** The most day numbers of one person that fit in any `span` consecutive days. */
export function maxInAnyWindow(byPerson: ReadonlyMap<number, readonly number[]>, span: number): number {
  let most = 0;
  for (const list of byPerson.values()) {
    const days = [...list].sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < days.length; end++) {
      while (days[end]! - days[start]! >= span) start++;
      most = Math.max(most, end - start + 1);
    }
  }
  return most;
}
