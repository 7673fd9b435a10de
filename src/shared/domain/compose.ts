import { z } from 'zod';
import { id, optionalText } from './common.ts';
import { PURPOSES, type Purpose } from './followup.ts';

/**
 * The composer (issue 11): a follow-up written from what is known about the person, checked for
 * personalisation, and handed to the channel the step names. Shared by main (which drafts and
 * checks) and the renderer (which edits and hands off), so neither re-declares the shapes.
 */

/**
 * The page's locale (BCP 47), so the days a draft names read as the rest of the screen does;
 * without it, main's own (the CLI's system locale).
 */
export const Locale = z
  .string()
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'is not a BCP 47 language tag such as en-GB');

/** The channels a message can be written for; each has its own templates, limits and hand-off. */
export const COMPOSE_CHANNELS = ['email', 'linkedin', 'text', 'call', 'handwritten_note'] as const;
export const ComposeChannel = z.enum(COMPOSE_CHANNELS);
export type ComposeChannel = z.infer<typeof ComposeChannel>;

export const ComposePurpose = z.enum(PURPOSES);

/** A fact of the contact's context a draft used, shown beside it ("Discussed: solar roofs"). */
export const FACT_IDS = [
  'first_name',
  'met_where',
  'met_when',
  'discussed',
  'interests',
  'next_step',
  'promise_mine',
  'promise_theirs',
  'last_sent',
  'meeting',
  'proposed_times',
  'company',
  'signature',
  // The step's own words: what they did (thank-you) or the promise (issue 11, drafting engine).
  'step_note',
] as const;
export type FactId = (typeof FACT_IDS)[number];

export interface DraftFact {
  id: FactId;
  /** "Discussed", "Met", "Your promise" */
  label: string;
  /** The words the draft drew on, as the user wrote them (or the formatted day). */
  text: string;
}

/** The personalisation checklist; each item is advice with a reason in words, never a block. */
export const CHECK_IDS = [
  'names_person',
  'specific_detail',
  'next_step',
  'length',
  'stock_phrases',
  'not_a_copy',
  'timing',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckItem {
  id: CheckId;
  ok: boolean;
  /** Why, in words: "Names Ada", "Over LinkedIn's 300-character note limit (342)". */
  message: string;
  /** Timing advice: a better moment to send ("schedule for Tue 09:00 their time"), as an instant. */
  suggestAt?: string | null;
}

export interface LengthInfo {
  characters: number;
  /** The channel's limit in characters, or null when it has none (e-mail is advice only). */
  limit: number | null;
  /** Text messages: how many SMS segments the body takes (GSM-7 or UCS-2). */
  segments: number | null;
}

export const HANDOFF_KINDS = ['mailto', 'sms', 'tel', 'https', 'copy', 'print'] as const;
export type HandoffKind = (typeof HANDOFF_KINDS)[number];

/**
 * How the message leaves the app. `url` is what the OS opens (always allowlisted); null when the
 * channel is copy-only or the link would be too long, with `note` saying why.
 */
export interface Handoff {
  kind: HandoffKind;
  url: string | null;
  /** Copy the text before opening (LinkedIn: the profile has no "prefill message" link). */
  copyFirst: boolean;
  note: string | null;
}

/** Two working slots inside my hours that are also inside theirs, for a meeting or call. */
export interface ProposedTime {
  /** UTC instant of the slot's start. */
  at: string;
  /** As it reads for me ("Thu 3 Dec, 10:00") and for them when their zone differs. */
  mine: string;
  theirs: string | null;
}

/** Asked when the context has nothing specific to say; the answer is written back to the contact. */
export interface DetailQuestion {
  field: 'discussed' | 'interests' | 'nextStep';
  question: string;
}

export interface Draft {
  stepId: number | null;
  contactId: number;
  contactName: string;
  purpose: Purpose;
  channel: ComposeChannel;
  /** 0-based index of the template variant used, and how many the purpose × channel has. */
  variant: number;
  variants: number;
  templateId: string;
  /** E-mail only; null for other channels. */
  subject: string | null;
  body: string;
  facts: DraftFact[];
  proposedTimes: ProposedTime[];
  /** Set when the draft would be generic: ask this, then draft again. */
  ask: DetailQuestion | null;
  checks: CheckItem[];
  length: LengthInfo;
  handoff: Handoff;
  /** True when this is the user's saved edit of the draft, not a fresh one. */
  saved: boolean;
}

/** What the checks and the hand-off need besides the text: who it is for and how it goes. */
export const ComposeTarget = z
  .object({
    stepId: id.optional(),
    contactId: id.optional(),
  })
  .refine((t) => t.stepId !== undefined || t.contactId !== undefined, {
    message: 'needs a stepId or a contactId',
  });

export const DraftInput = z.object({
  stepId: id.optional(),
  contactId: id.optional(),
  /** Without a step: what the message is for (default: check_in, or reengage when never in touch). */
  purpose: ComposePurpose.optional(),
  channel: ComposeChannel.optional(),
  /** A specific variant; default: the next one not last used for this person. */
  variant: z.number().int().min(0).max(99).optional(),
  /** Ignore the saved edit and draft afresh. */
  fresh: z.boolean().optional(),
  locale: Locale.optional(),
});
export type DraftInput = z.input<typeof DraftInput>;

export const CheckInput = z.object({
  locale: Locale.optional(),
  stepId: id.optional(),
  contactId: id.optional(),
  channel: ComposeChannel,
  subject: optionalText(500),
  body: z.string().max(20_000, 'must be at most 20000 characters'),
});
export type CheckInput = z.input<typeof CheckInput>;

export interface CheckResult {
  checks: CheckItem[];
  length: LengthInfo;
  handoff: Handoff;
}

/** A draft being edited, kept per step (or per contact without a step) until sent or discarded. */
export const SaveDraftInput = z.object({
  stepId: id.optional(),
  contactId: id.optional(),
  channel: ComposeChannel,
  variant: z.number().int().min(0).max(99),
  subject: optionalText(500),
  body: z.string().max(20_000, 'must be at most 20000 characters'),
});
export type SaveDraftInput = z.input<typeof SaveDraftInput>;

/** Templates: built-in ones are read-only; user templates are data the user edits in Settings. */
export interface ComposeTemplate {
  id: string;
  purpose: Purpose;
  channel: ComposeChannel;
  /** Built-in: "refresher.email.1"; user: "user-<n>". */
  builtIn: boolean;
  name: string;
  subject: string | null;
  body: string;
}

export const TemplateInput = z.object({
  purpose: ComposePurpose,
  channel: ComposeChannel,
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  subject: optionalText(500),
  body: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters'),
});
export type TemplateInput = z.input<typeof TemplateInput>;

/** A template problem, located: "line 3: unknown placeholder {{frist_name}}". */
export interface TemplateProblem {
  part: 'subject' | 'body';
  line: number;
  message: string;
}

/** "user-12" for a user template, "refresher.email.1" for a built-in one. */
export const TemplateId = z.string().min(1).max(100);
export const TemplateRef = z.object({ id: TemplateId });
export const TemplateUpdate = TemplateInput.extend({ id: TemplateId });

export const TemplateListQuery = z
  .object({ purpose: ComposePurpose.optional(), channel: ComposeChannel.optional() })
  .default({});

/** A template as it would read for a real person, with its problems (the editor's live preview). */
export const TemplatePreviewInput = z.object({
  subject: z.string().max(500).nullable().optional(),
  body: z.string().max(10_000, 'must be at most 10000 characters'),
  purpose: ComposePurpose,
  channel: ComposeChannel,
  contactId: id.optional(),
  stepId: id.optional(),
  locale: Locale.optional(),
});

export interface TemplatePreview {
  subject: string | null;
  body: string;
  problems: TemplateProblem[];
  /** Who the preview was written for (the first contact when none was named), or null when there is nobody yet. */
  contactName: string | null;
}
