import { isSupportedCountry } from 'libphonenumber-js/min';
import { z } from 'zod';
import { isValidTimeZone } from './domain/common.ts';
import { PACINGS } from './domain/followup.ts';
import { Channel } from './domain/interaction.ts';

/**
 * User settings, stored with electron-store in the desktop app and with its underlying library
 * (conf) in the HTTP shell and CLI, in the same config.json, so both shells agree.
 */
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** A whole number in a range, refused in words that give the range (the renderer puts the field's name first). */
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number({ message }).int(message).min(min, message).max(max, message);
};
const days = wholeNumber;

/** Each playbook can be switched off and its timing tuned (days are before pacing). */
export const Playbooks = z.object({
  met: z
    .object({
      enabled: z.boolean().default(true),
      delayDays: days(0, 14).default(1),
      channel: Channel.default('email'),
    })
    .default({
      enabled: true,
      delayDays: 1,
      channel: 'email',
    }),
  noReply: z
    .object({
      enabled: z.boolean().default(true),
      secondAfterDays: days(2, 60).default(7),
      endAfterDays: days(3, 60).default(3),
      /** A gentle check-in this long after a cycle ended without reply; 0 turns it off. */
      longTermCheckInDays: days(0, 730).default(90),
    })
    .default({ enabled: true, secondAfterDays: 7, endAfterDays: 3, longTermCheckInDays: 90 }),
  meeting: z
    .object({ enabled: z.boolean().default(true), confirmDaysBefore: days(1, 7).default(1) })
    .default({
      enabled: true,
      confirmDaysBefore: 1,
    }),
  helped: z.object({ enabled: z.boolean().default(true), delayDays: days(0, 7).default(1) }).default({
    enabled: true,
    delayDays: 1,
  }),
  keepInTouch: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
  reengage: z
    .object({
      enabled: z.boolean().default(true),
      /** Met this many days ago with no follow-up: offer a re-engagement step instead of a refresher. */
      afterDays: days(2, 3650).default(14),
    })
    .default({ enabled: true, afterDays: 14 }),
  promises: z
    .object({
      enabled: z.boolean().default(true),
      /** A polite nudge about their promise this many days after it was due. */
      nudgeAfterDays: days(0, 30).default(1),
    })
    .default({ enabled: true, nudgeAfterDays: 1 }),
});
export type Playbooks = z.output<typeof Playbooks>;

export const Caps = z.object({
  /** Never two automatic outbound touches to one person closer than this. */
  minGapDays: days(0, 60).default(3),
  /** At most this many outbound touches to one person in any 30 days. */
  maxPer30Days: days(1, 30).default(4),
  /** At most this many prompts a day; the rest wait, most important first. */
  dailyBudget: days(1, 200).default(10),
});
export type Caps = z.output<typeof Caps>;

export const Notifications = z.object({
  enabled: z.boolean().default(true),
  /** One summary at the follow-up hour on working days. */
  dailyDigest: z.boolean().default(true),
  /** Desktop: closing the window keeps reminders running from the tray. */
  keepRunningInTray: z.boolean().default(true),
});

/** What the composer signs with and what it warns about (issue 11). */
export const Composer = z.object({
  /** How messages are signed; null leaves the name out ("Best," alone reads as unfinished, so drafts then end without a sign-off). */
  myName: z.string().trim().max(100, 'must be at most 100 characters').nullable().default(null),
  /** Added below the name in e-mails and notes. */
  signature: z.string().trim().max(1000, 'must be at most 1000 characters').nullable().default(null),
  /** Stock phrases the check flags besides its own list. */
  stockPhrases: z
    .array(
      z.string().trim().min(3, 'must be at least 3 characters').max(100, 'must be at most 100 characters'),
    )
    .max(100, 'must be at most 100 phrases')
    .default([]),
});
export type Composer = z.output<typeof Composer>;

/** The mailbox sync (issue 12). */
export const MailSettings = z.object({
  /** How far back the first sync of a folder reads, in months. */
  lookBackMonths: wholeNumber(1, 120).default(12),
  /** How often the running app checks every account, besides what IDLE tells it at once. */
  pollMinutes: wholeNumber(1, 1440).default(5),
});
export type MailSettings = z.output<typeof MailSettings>;

export const Settings = z.object({
  theme: Theme.default('system'),
  /** Local hour (0-23) at which follow-ups fall due. */
  followUpHour: wholeNumber(0, 23).default(9),
  /** 0 = Sunday … 6 = Saturday; no prompts on other days. */
  workingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7).default([1, 2, 3, 4, 5]),
  /** Local hours [start, end) in which reminders may interrupt; outside them they wait. */
  workingHours: z
    .object({
      start: wholeNumber(0, 23).default(8),
      end: wholeNumber(1, 24).default(18),
    })
    .refine((h) => h.start < h.end, 'start must be before end')
    .default({ start: 8, end: 18 }),
  /** The user's IANA zone; null follows the operating system. */
  timeZone: z.string().refine(isValidTimeZone, 'is not an IANA time zone').nullable().default(null),
  defaultPacing: z.enum(PACINGS).default('standard'),
  caps: Caps.default({ minGapDays: 3, maxPer30Days: 4, dailyBudget: 10 }),
  playbooks: Playbooks.default(Playbooks.parse({})),
  notifications: Notifications.default({ enabled: true, dailyDigest: true, keepRunningInTray: true }),
  /**
   * ISO 3166 country whose dialling rules apply to phone numbers written without +country code
   * (e.g. "030 1234567" with DE). null: the operating system's region.
   */
  phoneRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US or DE')
    // Two letters are not enough: "XX" would silently make every local number unmatchable.
    .refine((code) => isSupportedCountry(code), {
      message: 'is not a country with a telephone numbering plan (try US, GB, DE, FR…)',
    })
    .nullable()
    .default(null),
  /** Daily rolling copies of the database; the oldest beyond `keep` are deleted. */
  backups: z
    .object({ enabled: z.boolean().default(true), keep: wholeNumber(1, 365).default(14) })
    .default({ enabled: true, keep: 14 }),
  /** Secret part of the calendar subscription link; null until first asked for. Rotatable. */
  calendarFeedToken: z.string().min(16).max(100).nullable().default(null),
  composer: Composer.default({ myName: null, signature: null, stockPhrases: [] }),
  mail: MailSettings.default({ lookBackMonths: 12, pollMinutes: 5 }),
});
export type Settings = z.output<typeof Settings>;

/**
 * Partial at the top level, WITHOUT the defaults: zod would otherwise fill every key left out of
 * a patch and an update of one setting would reset the others. Nested groups are replaced whole
 * (the UI sends the full group; missing inner fields take their defaults).
 */
export const SettingsPatch = z
  .object(
    Object.fromEntries(
      Object.entries(Settings.shape).map(([key, field]) => [key, field.unwrap().optional()]),
    ) as {
      [K in keyof typeof Settings.shape]: z.ZodOptional<(typeof Settings.shape)[K]['def']['innerType']>;
    },
  )
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** JSON Schema for electron-store, derived from the zod schema so the two never drift. */
export const settingsJsonSchema = z.toJSONSchema(Settings, { target: 'draft-7', io: 'input' }) as {
  properties: Record<string, unknown>;
};
