import { z } from 'zod';
import { id, isValidTimeZone, optionalText, pastIsoDate, plannedIsoDate } from './common.ts';
import { Pacing } from './followup.ts';
import { Channel } from './interaction.ts';

const label = optionalText(40);

export const EmailEntry = z.object({
  value: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'is not an e-mail address' })),
  label,
});

// Phones are kept as typed; normalisation to E.164 belongs to matching (import issue), not capture.
const PHONE_CHARACTERS = /^[+()0-9 .\-/x]+$/i;
/** Letters as on a keypad after the first digit: 1-800-FLOWERS (matched by its digits, phone-keys.ts). */
const LETTER_PHONE = /^\+?\(?[0-9][+()0-9 .\-/a-z]*$/i;
export const PhoneEntry = z.object({
  value: z
    .string()
    .trim()
    .min(3, 'is too short for a phone number')
    .max(40)
    .refine(
      (v) => PHONE_CHARACTERS.test(v) || LETTER_PHONE.test(v),
      'may contain only digits, spaces and + ( ) . - / x, or letters after the first digit (1-800-FLOWERS)',
    ),
  label,
});

export const LinkEntry = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })),
  label,
});

export const Tag = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(50)
  .regex(/^[^,]+$/, 'must not contain commas');

/** Every field a user can write on a contact; all optional so the same shape serves create and patch. */
const contactFields = {
  displayName: z.string().trim().min(1, 'must not be empty').max(200),
  firstName: optionalText(100),
  lastName: optionalText(100),
  emails: z.array(EmailEntry).max(20),
  phones: z.array(PhoneEntry).max(20),
  links: z.array(LinkEntry).max(20),
  company: optionalText(200),
  title: optionalText(200),
  location: optionalText(200),
  timeZone: z
    .string()
    .refine(isValidTimeZone, 'is not an IANA time zone (e.g. Europe/Berlin)')
    .nullable()
    .optional(),
  tags: z.array(Tag).max(50),
  notes: optionalText(50_000),
  // The follow-up context: what makes the next message personal.
  metOn: pastIsoDate.nullable().optional(),
  metEventId: id.nullable().optional(),
  metWhere: optionalText(300),
  howMet: optionalText(1000),
  discussed: optionalText(10_000),
  interests: optionalText(2000),
  nextStep: optionalText(2000),
  /** When the agreed next step is due, a local day. Changing the step's text clears it. */
  nextStepDueOn: plannedIsoDate.nullable().optional(),
  preferredChannel: Channel.nullable().optional(),
  // Follow-up pacing: null means "as the contact's tags or the settings say".
  pacing: Pacing.nullable().optional(),
  /** Shortens the next automatic step. */
  urgent: z.boolean().optional(),
  /** Keep-in-touch cadence in days, measured from the last interaction of any kind. */
  cadenceDays: z.number().int().min(7).max(730).nullable().optional(),
};

export const ContactDraft = z.object({
  ...contactFields,
  emails: contactFields.emails.default([]),
  phones: contactFields.phones.default([]),
  links: contactFields.links.default([]),
  tags: contactFields.tags.default([]),
});
export type ContactDraft = z.input<typeof ContactDraft>;
export type ContactDraftParsed = z.output<typeof ContactDraft>;

export const ContactPatch = z
  .object(contactFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export type ContactPatch = z.input<typeof ContactPatch>;
export type ContactPatchParsed = z.output<typeof ContactPatch>;

export const CONTACT_SORTS = ['relevance', 'name', 'lastInteraction', 'metOn', 'recentlyAdded'] as const;
export const ContactSort = z.enum(CONTACT_SORTS);
export type ContactSort = z.infer<typeof ContactSort>;

export const ContactListQuery = z.object({
  /** Full-text query; words are prefix-matched ("acm rob" finds "Acme Robotics"). */
  query: z.string().max(200).optional(),
  sort: ContactSort.default('name'),
  tag: Tag.optional(),
  eventId: id.optional(),
  /** 'imported': contacts from an import the user has not reviewed yet. */
  status: z.enum(['active', 'archived', 'all', 'imported']).default('active'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ContactListQuery = z.input<typeof ContactListQuery>;

export interface ContactEmail {
  value: string;
  label: string | null;
}
export interface ContactPhone {
  value: string;
  label: string | null;
}
export interface ContactLink {
  url: string;
  label: string | null;
}

export interface Contact {
  id: number;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  emails: ContactEmail[];
  phones: ContactPhone[];
  links: ContactLink[];
  company: string | null;
  title: string | null;
  location: string | null;
  timeZone: string | null;
  tags: string[];
  notes: string | null;
  metOn: string | null;
  metEventId: number | null;
  metEventName: string | null;
  metWhere: string | null;
  howMet: string | null;
  discussed: string | null;
  interests: string | null;
  nextStep: string | null;
  nextStepDueOn: string | null;
  /**
   * When the agreed next step was done: marked done, done when logging an interaction, or kept
   * as the promise it became. Null while it is still to do.
   */
  nextStepDoneAt: string | null;
  /** The promise the next step became (open or kept; a cancelled one no longer counts). */
  nextStepPromiseId: number | null;
  preferredChannel: Channel | null;
  pacing: Pacing | null;
  urgent: boolean;
  cadenceDays: number | null;
  /** Set when the last follow-up cycle ended without a reply. */
  noResponseSince: string | null;
  archivedAt: string | null;
  /** 'imported' until the user has reviewed a contact brought in by an import. */
  reviewState: 'imported' | null;
  /** The imports that brought or updated this contact, newest first. */
  sources: ContactSource[];
  createdAt: string;
  updatedAt: string;
  lastInteractionAt: string | null;
}

export interface ContactSource {
  fileName: string;
  format: string;
  importedAt: string;
}

/** One row of the contacts list: enough to recognise the person without loading everything. */
export interface ContactSummary {
  id: number;
  displayName: string;
  company: string | null;
  title: string | null;
  tags: string[];
  metOn: string | null;
  /** The event's name when met at a recorded event, else the free-text place. */
  metWhere: string | null;
  lastInteractionAt: string | null;
  archived: boolean;
  /** From an import, not reviewed yet. */
  imported: boolean;
}

export interface ContactPage {
  total: number;
  offset: number;
  items: ContactSummary[];
  /**
   * Set when a very broad search (a letter or two) matched more than can be ranked as you type:
   * `total` then counts the best matches kept (name matches first), not every match.
   */
  truncated?: boolean;
}

export interface TagCount {
  name: string;
  count: number;
  pacing: Pacing | null;
  cadenceDays: number | null;
}

export const TagSettingsInput = z.object({
  name: Tag,
  pacing: Pacing.nullable().optional(),
  cadenceDays: z.number().int().min(7).max(730).nullable().optional(),
});

export const NextStepDoneInput = z.object({
  id,
  /** false reopens a next step marked done by mistake. */
  done: z.boolean().default(true),
});

export const NextStepToPromiseInput = z.object({
  id,
  /** The promise's day; defaults to the next step's due date (one of the two is needed). */
  dueOn: plannedIsoDate.optional(),
});
