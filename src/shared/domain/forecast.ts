import { z } from 'zod';
import { SettingsPatch } from '../settings.ts';

/**
 * What the forecast may be told to try before it is saved: the Settings screen shows the new
 * forecast as pacing, caps or the budget change. Groups are replaced whole, as in settings.update.
 */
export const ForecastSettings = SettingsPatch.pick({
  defaultPacing: true,
  caps: true,
  workingDays: true,
  playbooks: true,
});

export const ForecastQuery = z
  .object({
    /** Days ahead, today first: 30, 60 or 90 on the screen, any of 1 to 365 here. */
    days: z
      .number({ message: 'must be a whole number of days from 1 to 365' })
      .int('must be a whole number of days from 1 to 365')
      .min(1, 'must be a whole number of days from 1 to 365')
      .max(365, 'must be a whole number of days from 1 to 365')
      .default(30),
    /** The share of messages answered; absent: the user's own reply rate over the past year. */
    replyRate: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').optional(),
    /** People captured a week; absent: the user's own pace over the past 12 weeks. */
    capturesPerWeek: z
      .number()
      .min(0, 'must be from 0 to 500 people a week')
      .max(500, 'must be from 0 to 500 people a week')
      .optional(),
    settings: ForecastSettings.optional(),
  })
  .strict();
export type ForecastQuery = z.input<typeof ForecastQuery>;
export type ForecastQueryParsed = z.output<typeof ForecastQuery>;

/** Said when the user's own history is too thin to give a reply rate (see README, Forecast). */
export const DEFAULT_REPLY_RATE = 0.3;

export interface ForecastDay {
  date: string;
  /** False on the user's days off: no prompts are shown and the budget is 0. */
  workingDay: boolean;
  /** The daily budget that day (0 on days off). */
  budget: number;
  /** Prompts due that day as Today counts them (in budget and waiting). */
  prompts: number;
  /** Acted on by the simulated user: the prompts within the budget. */
  done: number;
  /** Over the budget, left for the coming days. */
  waiting: number;
  /** Simulated new contacts captured that day. */
  captured: number;
  /** Simulated replies received that day. */
  replies: number;
}

export interface ForecastSummary {
  /** Simulated captures during the horizon. */
  newContacts: number;
  /**
   * Of the new contacts whose 48 h ran out within the horizon, the share sent a first message
   * within 48 h of the end of the meeting day (Insights' definition); null when there were none.
   */
  refreshedWithin48h: number | null;
  refreshed: { within48h: number; measured: number };
  /** The most nudges any one person got in any 30 days of the horizon. */
  maxTouchesPer30Days: number;
  touchCap: number;
  /**
   * Cycles still active at the end that nothing would ever end: no open step and no reply
   * deadline. The engine promises none, whatever the horizon.
   */
  openCyclesAtEnd: number;
  /** Cycles whose open steps are all overdue at the end: the backlog the budget left waiting. */
  cyclesWaiting: number;
  /** Cycles that go on past the horizon (a step or a reply deadline still ahead). */
  cyclesContinuing: number;
  /** Working days with more prompts than the budget takes. */
  daysOverBudget: number;
  /** Prompts acted on in all (a prompt that waits is counted again each day it is due, not here). */
  totalDone: number;
}

export interface ForecastAssumptions {
  replyRate: { value: number; source: 'given' | 'history' | 'default'; messages: number };
  capturesPerWeek: { value: number; source: 'given' | 'history' };
  dailyBudget: number;
  defaultPacing: string;
  caps: { minGapDays: number; maxPer30Days: number; dailyBudget: number };
  seed: number;
}

export interface Forecast {
  from: string;
  through: string;
  timeZone: string;
  days: ForecastDay[];
  /** The busiest days, most prompts first (at most five, only days with prompts). */
  peaks: { date: string; prompts: number; budget: number }[];
  summary: ForecastSummary;
  assumptions: ForecastAssumptions;
}
