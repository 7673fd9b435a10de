import { z } from 'zod';
import {
  BulkCloseInput,
  BulkFilter,
  type BulkPreview,
  type BulkResult,
  CatchUpInput,
  type CatchUpPlan,
} from '../domain/backlog.ts';
import {
  type CalendarItemDetail,
  CalendarItemQuery,
  type CalendarRange,
  CalendarRangeQuery,
  type FeedInfo,
  type IcsExport,
  IcsExportInput,
} from '../domain/calendar.ts';
import { id, isoInstant } from '../domain/common.ts';
import {
  CheckInput,
  type CheckResult,
  ComposeTarget,
  type ComposeTemplate,
  type Draft,
  DraftInput,
  SaveDraftInput,
  TemplateInput,
  TemplateListQuery,
  type TemplatePreview,
  TemplatePreviewInput,
  TemplateRef,
  TemplateUpdate,
} from '../domain/compose.ts';
import {
  type Contact,
  ContactDraft,
  ContactListQuery,
  type ContactPage,
  ContactPatch,
  NextStepDoneInput,
  NextStepToPromiseInput,
  type TagCount,
  TagSettingsInput,
} from '../domain/contact.ts';
import { EventDraft, EventPatch, type NetworkEvent } from '../domain/event.ts';
import {
  ArrangeMeetingInput,
  DoneInput,
  type FollowUp,
  FollowUpListQuery,
  PromiseDraft,
  type PromiseItem,
  PromiseListQuery,
  RescheduleInput,
  ScheduleInput,
  type ScheduleResult,
  SnoozeInput,
  ThankInput,
  type TodayView,
} from '../domain/followup.ts';
import { type Forecast, ForecastQuery } from '../domain/forecast.ts';
import {
  type BackupItem,
  type BackupList,
  DismissDuplicateInput,
  DuplicateListInput,
  type DuplicatePair,
  type ExportFile,
  ExportInput,
  ImportCommitInput,
  type ImportPreview,
  ImportPreviewInput,
  type ImportResult,
  type ImportRun,
  type LastMerge,
  MarkReviewedInput,
  MergeInput,
  type MergeResult,
  PreviewRestoreInput,
  RestoreInput,
  type RestorePreview,
  type RestoreResult,
  type UndoMergeResult,
} from '../domain/imports.ts';
import {
  type InsightsPeople,
  InsightsPeopleQuery,
  InsightsQuery,
  type InsightsReport,
} from '../domain/insights.ts';
import { type Interaction, InteractionDraft } from '../domain/interaction.ts';
import {
  DismissSuggestionInput,
  type MailAccount,
  MailAccountDraft,
  MailAccountUpdate,
  type MailSuggestion,
  MailSyncInput,
  type MailSyncResult,
  type MailTestResult,
  RemoveMailAccountInput,
} from '../domain/mail.ts';
import { PutInDraftsInput, type PutInDraftsResult } from '../domain/mail-drafts.ts';
import type { MailPreset } from '../domain/mail-presets.ts';
import { MboxImportInput, type MboxImportResult } from '../domain/mbox-import.ts';
import {
  type SyncAccount,
  SyncAccountDraft,
  SyncRunInput,
  type SyncRunResult,
  type SyncStatus,
  SyncTestDraft,
  type SyncTestResult,
} from '../domain/sync.ts';
import { type SyncConflictItem, SyncConflictResolve } from '../domain/sync-conflicts.ts';
import {
  type SyncContactsPending,
  SyncDeletesInput,
  type SyncDeletesResult,
  SyncReviewInput,
} from '../domain/sync-contacts.ts';
import type { SyncPreset } from '../domain/sync-presets.ts';
import { UndoApplyInput, type Undoable, type UndoEntry, type UndoResult } from '../domain/undo.ts';
import { type Settings, SettingsPatch } from '../settings.ts';
import { METHOD_NAMES, type MethodName } from './methods.ts';

/**
 * The one API contract. Main (IPC), the HTTP shell and the CLI serve exactly these methods; the
 * preload and the renderer's client call them. Each entry holds the runtime schema its input is
 * validated against in main, and (as a phantom type) the type of its result.
 */
const returns =
  <O>() =>
  <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });

const ById = z.object({ id });
const ByContact = z.object({ contactId: id });
const Empty = z.object({}).default({});
const ContactUpdate = z.object({ id, patch: ContactPatch });
const SetArchived = z.object({ id, archived: z.boolean() });
const DeleteContact = z.object({
  id,
  confirm: z.literal(true, { message: 'deleting a contact must be confirmed with confirm: true' }),
});

export interface AppInfo {
  version: string;
  /** Which shell serves this API: the desktop app, the loopback HTTP shell or the CLI. */
  shell: 'electron' | 'http' | 'cli';
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
}

export interface DoneResult extends Undoable {
  followUp: FollowUp;
  interaction: Interaction;
  /** The cycle's next step, if the playbook has one. */
  next: FollowUp | null;
}

/** A playbook may decide no step is needed (e.g. a meeting arranged the day before). */
export interface MaybeScheduled {
  followUp: FollowUp | null;
  warnings: string[];
  /** Why nothing was scheduled, when nothing was. */
  reason?: string;
}

export const contract = {
  'app.info': returns<AppInfo>()(Empty),

  'contacts.list': returns<ContactPage>()(ContactListQuery),
  'contacts.get': returns<Contact>()(ById),
  'contacts.create': returns<Contact>()(ContactDraft),
  'contacts.update': returns<Contact>()(ContactUpdate),
  'contacts.setArchived': returns<Contact>()(SetArchived),
  /** Deletion is explicit and irreversible; archiving is the default way to tidy up. */
  'contacts.delete': returns<{ deleted: number }>()(DeleteContact),
  'contacts.tags': returns<TagCount[]>()(Empty),
  'tags.update': returns<TagCount>()(TagSettingsInput),
  /** Marks the agreed next step done (or open again); done keeps the promise it became. */
  'contacts.nextStepDone': returns<Contact>()(NextStepDoneInput),
  /** Makes the agreed next step a promise of yours, due on its due date or `dueOn`. */
  'contacts.nextStepToPromise': returns<{ contact: Contact; promise: PromiseItem }>()(NextStepToPromiseInput),

  'interactions.list': returns<Interaction[]>()(ByContact),
  'interactions.add': returns<Interaction>()(InteractionDraft),
  'interactions.delete': returns<{ deleted: number }>()(ById),

  'events.list': returns<NetworkEvent[]>()(Empty),
  'events.get': returns<NetworkEvent>()(ById),
  'events.create': returns<NetworkEvent>()(EventDraft),
  'events.update': returns<NetworkEvent>()(EventPatch),

  'followups.list': returns<FollowUp[]>()(FollowUpListQuery),
  'followups.today': returns<TodayView>()(Empty),
  /** Logs the interaction and advances the cycle. */
  'followups.done': returns<DoneResult>()(DoneInput),
  'followups.snooze': returns<FollowUp & Undoable>()(SnoozeInput),
  'followups.skip': returns<FollowUp & Undoable>()(ById),
  /** Manual scheduling may break a cap: allowed, with warnings. */
  'followups.schedule': returns<ScheduleResult>()(ScheduleInput),
  'followups.reschedule': returns<ScheduleResult & Undoable>()(RescheduleInput),
  'followups.arrangeMeeting': returns<MaybeScheduled>()(ArrangeMeetingInput),
  'followups.thank': returns<MaybeScheduled>()(ThankInput),
  /** What catching up would do: what is due now, spread over the coming working days within the budget. */
  'followups.previewCatchUp': returns<CatchUpPlan>()(CatchUpInput),
  /** Undoable: one undo puts every moved step back on its day. */
  'followups.catchUp': returns<CatchUpPlan & Undoable>()(CatchUpInput),
  /** Which due steps a bulk skip or end would take (by purpose, tag, age); writes nothing. */
  'followups.previewBulkClose': returns<BulkPreview>()(BulkFilter),
  /** Undoable: one undo reopens every step and cycle it closed and drops what it planned next. */
  'followups.bulkClose': returns<BulkResult & Undoable>()(BulkCloseInput),

  'promises.add': returns<PromiseItem>()(PromiseDraft),
  'promises.list': returns<PromiseItem[]>()(PromiseListQuery),
  'promises.done': returns<PromiseItem>()(ById),
  'promises.cancel': returns<PromiseItem>()(ById),

  /** The visible days: slim items, at most `followUpsPerDay` follow-ups a day (crowded days counted). */
  'calendar.range': returns<CalendarRange>()(CalendarRangeQuery),
  /** What the card adds to a range item: why, what to mention, a meeting's note, a promise's text. */
  'calendar.item': returns<CalendarItemDetail>()(CalendarItemQuery),
  /** One VEVENT per follow-up step (stable UID, SEQUENCE bumped on change), as .ics text. */
  'calendar.exportIcs': returns<IcsExport>()(IcsExportInput),
  'calendar.feed': returns<FeedInfo>()(Empty),
  /** A new secret for the subscription feed: the old link stops working at once (404). */
  'calendar.rotateFeedToken': returns<FeedInfo>()(Empty),

  /** Reads and matches a file without writing anything; commit writes it in one transaction. */
  'imports.preview': returns<ImportPreview>()(ImportPreviewInput),
  'imports.commit': returns<ImportResult>()(ImportCommitInput),
  'imports.list': returns<ImportRun[]>()(Empty),
  /** Imported contacts leave the "to review" list and join follow-up planning. */
  'contacts.markReviewed': returns<{ reviewed: number } & Undoable>()(MarkReviewedInput),

  'duplicates.list': returns<DuplicatePair[]>()(DuplicateListInput),
  /** "Not the same person": the pair is no longer offered. */
  'duplicates.dismiss': returns<{ dismissed: boolean }>()(DismissDuplicateInput),
  /** Keeps every e-mail, phone, tag, interaction, promise and follow-up of both. */
  'contacts.merge': returns<MergeResult>()(MergeInput),
  /** Undoes the last merge exactly (both contacts as they were). */
  'contacts.undoMerge': returns<UndoMergeResult>()(Empty),
  'contacts.lastMerge': returns<LastMerge | null>()(Empty),

  /** vCard 3.0 or Google-layout CSV of contacts, or a JSON backup of everything. */
  'data.export': returns<ExportFile>()(ExportInput),
  /** Checks a backup (JSON or a database copy) as a restore would and says what it holds; writes nothing. */
  'data.previewRestore': returns<RestorePreview>()(PreviewRestoreInput),
  /** Replaces all data with a backup (JSON or a database copy), after a safety copy of the database. */
  'data.restore': returns<RestoreResult>()(RestoreInput),
  'backups.list': returns<BackupList>()(Empty),
  'backups.create': returns<BackupItem>()(Empty),

  /** Reads an mbox file (a path: the CLI only) for the timeline; problems say where in the file. */
  'mail.importMbox': returns<MboxImportResult>()(MboxImportInput),
  /** Common providers' host, port and TLS, and what each wants as the password. */
  'mail.presets': returns<MailPreset[]>()(Empty),
  /** IMAP accounts, with where each secret comes from (never the secret). */
  'mail.accounts.list': returns<MailAccount[]>()(Empty),
  /** Logs in first unless verify: false; a refused login saves nothing. Plain IMAP only to 127.0.0.1 / ::1. */
  'mail.accounts.add': returns<MailAccount>()(MailAccountDraft),
  'mail.accounts.update': returns<MailAccount>()(MailAccountUpdate),
  /** The account goes; what it synced stays on the timelines. */
  'mail.accounts.remove': returns<{ removed: true; name: string }>()(RemoveMailAccountInput),
  /** Logs in and lists the folders (which are watched); a failure in words, as `upstream`. */
  'mail.accounts.test': returns<MailTestResult>()(ById),
  /** One pass over every account (or one): new headers in, interactions out, the cycles move. */
  'mail.sync': returns<MailSyncResult>()(MailSyncInput),
  /** People written with both ways in several threads who are not contacts. */
  'mail.suggestions': returns<MailSuggestion[]>()(Empty),
  /** Not offered again. */
  'mail.dismissSuggestion': returns<{ dismissed: boolean }>()(DismissSuggestionInput),
  /**
   * The composer's e-mail into the account's Drafts folder (flagged \Drafts) over IMAP, to send
   * from the mail app; the sync then finds it in Sent and completes the step. `upstream` in words
   * when the server refuses or has no Drafts folder.
   */
  'mail.putInDrafts': returns<PutInDraftsResult>()(PutInDraftsInput),

  /** CalDAV providers' addresses and what their password field must hold (README: Sync). */
  'sync.presets': returns<SyncPreset[]>()(Empty),
  'sync.accounts.list': returns<SyncAccount[]>()(Empty),
  /** Discovers the server (RFC 6764) and finds or makes the calendar before saving, unless `verify` is false. */
  'sync.accounts.add': returns<SyncAccount>()(SyncAccountDraft),
  /** The account and what it knew of the server go; the server's calendar is left as it is. */
  'sync.accounts.remove': returns<{ removed: true; id: number }>()(ById),
  /** Logs in and discovers; finds the account's calendar and lists the calendars and address books there. */
  'sync.accounts.test': returns<SyncTestResult>()(ById),
  /** The same for an account not saved yet (the add dialog's Test): nothing is saved or made. */
  'sync.accounts.testDraft': returns<SyncTestResult>()(SyncTestDraft),
  /** One pass both ways for every account (or `id`): moves read in, the outbox pushed in order. */
  'sync.run': returns<SyncRunResult>()(SyncRunInput),
  /** What waits in the outbox and the last error, in words. */
  'sync.status': returns<SyncStatus>()(Empty),
  /** Contact fields changed on both sides, with the person's name and the three values (ids to resolve). */
  'sync.conflicts.list': returns<SyncConflictItem[]>()(Empty),
  /** The user's choice (either side's value, or their own) goes into the contact; the next pass PUTs it. */
  'sync.conflicts.resolve': returns<{ resolved: true; id: number }>()(SyncConflictResolve),
  /** Contacts deleted here whose card waits for the user's word, and cards the first link could only guess at. */
  'sync.contacts.pending': returns<SyncContactsPending>()(Empty),
  /** Confirmed: those cards are deleted on the server (If-Match); declined: kept there, and back here. */
  'sync.contacts.deletes': returns<SyncDeletesResult>()(SyncDeletesInput),
  /** A guessed card: the same person (linked, merged at the next pass) or a contact of its own. */
  'sync.contacts.review': returns<{ contactId: number }>()(SyncReviewInput),

  /**
   * The composer: a draft for a step (or a contact without one), from its context and a template
   * variant; the saved edit when there is one. Writes nothing.
   */
  'compose.draft': returns<Draft>()(DraftInput),
  /** The personalisation check and the hand-off for any text, as the user edits it. */
  'compose.check': returns<CheckResult>()(CheckInput),
  /** Keeps the text being edited, per step (or per contact), until sent, skipped or discarded. */
  'compose.save': returns<{ saved: true }>()(SaveDraftInput),
  'compose.discard': returns<{ discarded: boolean }>()(ComposeTarget),
  /** Built-in templates first, then the user's. */
  'templates.list': returns<ComposeTemplate[]>()(TemplateListQuery),
  'templates.get': returns<ComposeTemplate>()(TemplateRef),
  /** Refused as invalid_input, naming the line, when a placeholder is unknown or a section unclosed. */
  'templates.add': returns<ComposeTemplate>()(TemplateInput),
  'templates.update': returns<ComposeTemplate>()(TemplateUpdate),
  'templates.delete': returns<{ deleted: boolean }>()(TemplateRef),
  'templates.preview': returns<TemplatePreview>()(TemplatePreviewInput),

  /** Follow-through, replies, cycles and promises over a period (README: Insights). */
  'insights.report': returns<InsightsReport>()(InsightsQuery),
  /** The people (or messages, cycles, promises, steps) behind one number of the report, paged. */
  'insights.people': returns<InsightsPeople>()(InsightsPeopleQuery),

  /**
   * The next days' prompts against the budget: the engine run forward on an in-memory copy with
   * a simulated user (README: Insights, Forecast). Never writes; settings may be tried unsaved.
   */
  'insights.forecast': returns<Forecast>()(ForecastQuery),

  /** What `undo.apply` would undo now (the newest undoable action of the past day), or null. */
  'undo.last': returns<UndoEntry | null>()(Empty),
  /**
   * Undoes Done, Skip, Snooze, a calendar move or Mark reviewed exactly (the newest, or `id`);
   * refused as a conflict, changing nothing, when any row it wrote changed since.
   */
  'undo.apply': returns<UndoResult>()(UndoApplyInput),

  /** Only in a server started with --test-clock (e2e tests); refused otherwise. */
  'testing.setNow': returns<{ now: string }>()(z.object({ now: isoInstant })),

  'settings.get': returns<Settings>()(Empty),
  'settings.update': returns<Settings>()(SettingsPatch),
} as const;

export type Contract = typeof contract;
export type { MethodName };
export { METHOD_NAMES };

// Compile-time proof that methods.ts lists exactly the contract's methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: Same<keyof Contract, MethodName> = true;
void namesMatchContract;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** What a caller may pass (defaults are filled in by the schema). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Implemented by main; every shell serves this map. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** Per call, on the client side only: nothing of it reaches main. */
export interface CallOptions {
  /**
   * Cancels a read the caller no longer wants (a search the user has typed past). The HTTP
   * transport aborts its fetch and rejects with the signal's reason; IPC cannot cancel an invoke,
   * so there the caller drops the answer itself.
   */
  signal?: AbortSignal;
}

/** What the renderer and other clients see: one promise-returning function per method. */
export type ApiClient = {
  [M in MethodName]: (input: MethodInput<M>, options?: CallOptions) => Promise<MethodOutput<M>>;
};

/** The single transport primitive each shell provides (IPC in Electron, fetch over HTTP). */
export type Invoke = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options?: CallOptions,
) => Promise<MethodOutput<M>>;
