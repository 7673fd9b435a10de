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
import { type Interaction, InteractionDraft } from '../domain/interaction.ts';
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
  'followups.catchUp': returns<CatchUpPlan>()(CatchUpInput),
  /** Which due steps a bulk skip or end would take (by purpose, tag, age); writes nothing. */
  'followups.previewBulkClose': returns<BulkPreview>()(BulkFilter),
  'followups.bulkClose': returns<BulkResult>()(BulkCloseInput),

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
