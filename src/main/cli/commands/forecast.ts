import { type Command, InvalidArgumentError } from 'commander';
import type { Forecast } from '../../../shared/domain/forecast.ts';
import { printResult, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

interface ForecastOptions {
  days?: number;
  replyRate?: number;
  capturesPerWeek?: number;
}

function shareOf(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('must be a number from 0 to 1 (0.25 is one reply in four)');
  return n;
}

function perWeek(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('must be a number of people, 0 or more');
  return n;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function forecastText(f: Forecast): string {
  const s = f.summary;
  const a = f.assumptions;
  const source = {
    given: 'as given',
    history: 'your own, past year',
    default: 'too few replies to say: assumed',
  };
  const lines = [
    `Forecast ${f.from} to ${f.through} (${f.days.length} days, ${f.timeZone})`,
    `Assuming: replies ${percent(a.replyRate.value)} (${source[a.replyRate.source]}), ` +
      `${a.capturesPerWeek.value} new people a week (${a.capturesPerWeek.source === 'given' ? 'as given' : 'your pace, past 12 weeks'}), ` +
      `daily budget ${a.dailyBudget}, pacing ${a.defaultPacing}; you act on every prompt the day it is shown.`,
    '',
    table(
      ['DATE', 'PROMPTS', 'BUDGET', 'DONE', 'WAITING', 'NEW', 'REPLIES', ''],
      f.days.map((d) => [
        d.date,
        d.workingDay ? String(d.prompts) : '–',
        d.workingDay ? String(d.budget) : 'day off',
        d.workingDay ? String(d.done) : '',
        d.waiting > 0 ? String(d.waiting) : '',
        d.captured > 0 ? String(d.captured) : '',
        d.replies > 0 ? String(d.replies) : '',
        d.prompts > d.budget && d.workingDay ? 'over budget' : '',
      ]),
    ),
    '',
    f.peaks.length === 0
      ? 'No prompts in this period.'
      : `Busiest days: ${f.peaks.map((p) => `${p.date} (${p.prompts})`).join(', ')}.`,
    `${s.totalDone} prompts done; ${s.daysOverBudget} working day${s.daysOverBudget === 1 ? '' : 's'} over budget.`,
    `${s.newContacts} new people; ${
      s.refreshedWithin48h === null
        ? 'none whose first 48 h end in this period'
        : `${percent(s.refreshedWithin48h)} of ${s.refreshed.measured} get a first message within 48 h`
    }.`,
    `At most ${s.maxTouchesPer30Days} nudges to one person in 30 days (cap ${s.touchCap}).`,
    `Cycles nothing would end: ${s.openCyclesAtEnd}; waiting on overdue steps at the end: ${s.cyclesWaiting}; going on past it: ${s.cyclesContinuing}.`,
  ];
  return lines.join('\n');
}

export function registerForecastCommand(program: Command, session: () => CliSession): void {
  program
    .command('forecast')
    .description('what the coming days will ask of you: prompts a day against your budget (writes nothing)')
    .option('--days <n>', 'days ahead, today first (1 to 365; default 30)', positiveInt)
    .option('--reply-rate <r>', 'share of messages answered, 0 to 1 (default: your own)', shareOf)
    .option('--captures-per-week <n>', 'new people a week (default: your pace of the past 12 weeks)', perWeek)
    .action(async (o: ForecastOptions) => {
      const s = session();
      const result = await s.call('insights.forecast', {
        days: o.days,
        replyRate: o.replyRate,
        capturesPerWeek: o.capturesPerWeek,
      });
      printResult(s.options.json, result, () => forecastText(result));
    });
}
