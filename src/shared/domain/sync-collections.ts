/**
 * The calendars and address books a sync account's Test finds on the server, so the user can
 * choose one that exists rather than guess its name. Kept apart from sync.ts (zod) so the
 * renderer matches names by the same rule as main without bundling the schemas.
 */

/** A calendar that can hold events (VEVENT in its supported-calendar-component-set, RFC 4791 §5.2.3). */
export interface SyncCalendarFound {
  url: string;
  /** Its display name, or the last segment of its address when it has none. */
  name: string;
  /** Made by Followthrough, on this device or another: its description says so. */
  followthroughMade?: true;
}

export interface SyncAddressBookFound {
  url: string;
  /** Its display name, or the last segment of its address when it has none. */
  name: string;
}

/**
 * The collection an account's name links to: the first with that name, in the server's order.
 * Main links by this rule, and the dialog says by it whether a name exists or will be made.
 */
export function collectionNamed<C extends { name: string }>(list: readonly C[], name: string): C | undefined {
  return list.find((c) => c.name === name);
}
