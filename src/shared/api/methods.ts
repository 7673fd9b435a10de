/**
 * The method names of the contract, without the schemas, so the renderer and preload can build
 * their client without bundling zod. contract.ts checks at compile time that the two agree.
 */
export const METHOD_NAMES = [
  'app.info',
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.setArchived',
  'contacts.delete',
  'contacts.tags',
  'tags.update',
  'interactions.list',
  'interactions.add',
  'interactions.delete',
  'events.list',
  'events.get',
  'events.create',
  'events.update',
  'followups.list',
  'followups.today',
  'followups.done',
  'followups.snooze',
  'followups.skip',
  'followups.schedule',
  'followups.reschedule',
  'followups.arrangeMeeting',
  'followups.thank',
  'promises.add',
  'promises.list',
  'promises.done',
  'promises.cancel',
  'calendar.range',
  'calendar.exportIcs',
  'calendar.feed',
  'calendar.rotateFeedToken',
  'testing.setNow',
  'settings.get',
  'settings.update',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
