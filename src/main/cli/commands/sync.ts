import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ProgressPayload } from '../../../shared/api/pushes.ts';
import {
  DEFAULT_SYNC_CALENDAR,
  type SyncAccount,
  type SyncRunResult,
  type SyncTestResult,
} from '../../../shared/domain/sync.ts';
import { SYNC_PRESETS } from '../../../shared/domain/sync-presets.ts';
import { printResult, progress, progressDone, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import * as accountFlags from './account-options.ts';
import { registerSyncContactCommands } from './sync-contacts.ts';

interface AddOptions extends accountFlags.CredentialOptions {
  url?: string;
  preset?: string;
  user: string;
  calendar: string;
  addressbook?: string;
  verify: boolean;
}

export function registerSyncCommands(program: Command, session: () => CliSession): void {
  const sync = program
    .command('sync')
    .description('your own CalDAV/CardDAV server: follow-ups into your calendar, moves back in');
  const accounts = sync.command('accounts').description('CalDAV/CardDAV accounts (no password is stored)');

  const add = accounts
    .command('add')
    .description(
      'add a server: discovers it (/.well-known/caldav) and finds or makes the calendar, unless --no-verify',
    )
    .option('--url <url>', 'the server, e.g. https://dav.example.org/ (discovery starts there)')
    .option('--preset <id>', `fill in the address: ${accountFlags.presetIds(SYNC_PRESETS)}`)
    .requiredOption('--user <user>', 'the login');
  accountFlags
    .credentialOptions(add, 'pass show dav')
    .option(
      '--calendar <name|url|path>',
      'the calendar for follow-ups: a name (made if none has it), its URL, or its path on the server (/…/); two calendars of one name need the URL or path',
      DEFAULT_SYNC_CALENDAR,
    )
    .option(
      '--addressbook <name|url|path>',
      'the address book for contacts, by name (made at the first `sync run` if none has it), URL or path',
    )
    .option('--no-verify', 'save without contacting the server')
    .action(async (o: AddOptions) => {
      const s = session();
      const preset = accountFlags.presetFrom(SYNC_PRESETS, o.preset);
      const url = o.url ?? preset?.url;
      if (!url) throw accountFlags.usage('give --url, or a --preset');
      const account = await s.call('sync.accounts.add', {
        url,
        user: o.user,
        credential: accountFlags.credentialFrom(o),
        calendar: o.calendar,
        addressbook: o.addressbook ?? null,
        verify: o.verify,
      });
      printResult(s.options.json, account, () =>
        [
          `Added sync account ${account.id} (${account.user} at ${account.url}).`,
          account.calendarUrl ? `Follow-ups go to "${account.calendar}": ${account.calendarUrl}` : '',
          account.addressbookUrl
            ? `Contacts sync with "${account.addressbook}": ${account.addressbookUrl}`
            : '',
          ...(preset ? [preset.secret] : []),
          'Run `sync run` for a first pass.',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });

  accounts
    .command('list')
    .description('the accounts and where each password comes from')
    .action(async () => {
      const s = session();
      const list = await s.call('sync.accounts.list', {});
      printResult(s.options.json, list, () =>
        list.length === 0
          ? 'No sync accounts. Add one with `sync accounts add`.'
          : table(
              ['ID', 'USER', 'SERVER', 'CALENDAR', 'PASSWORD FROM', 'LAST SYNC'],
              list.map((a) => [
                String(a.id),
                a.user,
                a.url,
                a.calendar,
                accountFlags.describeCredential(a.credential),
                accountFlags.lastSyncCell(a),
              ]),
            ),
      );
    });

  accounts
    .command('test')
    .description(
      'log in, discover the principal and calendar home, look for the calendar, and list the calendars and address books there',
    )
    .argument('<id>', 'account id (see `sync accounts list`)')
    .action(async (ref: string) => {
      const s = session();
      const account = await byId(s, ref);
      const r = await s.call('sync.accounts.test', { id: account.id });
      printResult(s.options.json, r, () => testInWords(account, r));
    });

  accounts
    .command('remove')
    .description('forget the account (the calendar on the server is left as it is)')
    .argument('<id>', 'account id')
    .action(async (ref: string) => {
      const s = session();
      const account = await byId(s, ref);
      const r = await s.call('sync.accounts.remove', { id: account.id });
      printResult(
        s.options.json,
        r,
        () => `Removed sync account ${r.id} (${account.user} at ${account.url}).`,
      );
    });

  sync
    .command('run')
    .description('one pass both ways: moves made in the calendar come in, then the outbox goes out in order')
    .action(async () => {
      const s = session();
      // Progress on stderr, for a person watching; --json's reader gets only the answer.
      const stop = s.options.json
        ? () => undefined
        : s.open().bus.subscribe((event) => {
            if (event.type !== 'progress' || event.task !== 'dav-sync') return;
            const line = progressLine(event);
            if (line) progress(line);
          });
      let r: SyncRunResult;
      try {
        r = await s.call('sync.run', {});
      } finally {
        stop();
        if (!s.options.json) progressDone();
      }
      printResult(s.options.json, r, () =>
        [
          `Pushed ${r.pushed}, read ${r.pulled}, ${r.pending} waiting.`,
          ...r.moved.map(
            (m) =>
              `Follow-up ${m.followUpId} moved to ${m.dueOn} in the calendar${m.warnings.length ? ` (${m.warnings.join('; ')})` : ''}.`,
          ),
          ...r.errors.map((e) => `Error: ${e}`),
        ].join('\n'),
      );
      if (r.errors.length > 0) s.failed = true;
    });

  sync
    .command('status')
    .description('what waits in the outbox, and the last error')
    .action(async () => {
      const s = session();
      const r = await s.call('sync.status', {});
      printResult(s.options.json, r, () =>
        r.accounts.length === 0
          ? 'No sync accounts.'
          : r.accounts
              .map(
                (a) =>
                  `${a.id} ${a.user} at ${a.url}: ${a.pending} waiting${a.outboxError ? `; last error: ${a.outboxError}` : a.lastError ? `; last error: ${a.lastError}` : ''}`,
              )
              .join('\n'),
      );
    });

  sync
    .command('conflicts')
    .description('the same field changed here and on the server, kept for you to resolve')
    .action(async () => {
      const s = session();
      // Calendar changes never conflict (a move is taken in, anything else is the app's version):
      // these are contact fields changed on both sides, as the merge view shows them.
      const list = await s.call('sync.conflicts.list', {});
      printResult(s.options.json, list, () =>
        list.length === 0
          ? 'No conflicts.'
          : table(
              ['ID', 'CONTACT', 'FIELD', 'HERE', 'THERE'],
              list.map((c) => [String(c.id), c.contactName, c.field, c.local ?? '', c.remote ?? '']),
            ),
      );
    });
  registerSyncContactCommands(sync, session);
}

async function byId(s: CliSession, ref: string): Promise<SyncAccount> {
  const list = await s.call('sync.accounts.list', {});
  const found = list.find((a) => String(a.id) === ref.trim());
  if (!found)
    throw new ApiError(
      'not_found',
      `There is no sync account ${ref}${list.length ? ` (there are: ${list.map((a) => a.id).join(', ')})` : ''}.`,
    );
  return found;
}

/** What Test found: the account's calendar and address book, then every one the server has. */
function testInWords(account: SyncAccount, r: SyncTestResult): string {
  const lines = [
    `Logged in. Principal ${r.principalUrl} · calendars at ${r.calendarHomeUrl}`,
    r.calendarExists
      ? `"${account.calendar}": ${r.calendarUrl} (read by ${r.incremental})`
      : r.calendarSameName.length
        ? `${r.calendarSameName.length} calendars are named "${account.calendar}": ${r.calendarSameName.join(', ')}; give one by its URL or path.`
        : account.calendarUrl
          ? `"${account.calendar}" is no longer at ${account.calendarUrl}.`
          : `"${account.calendar}" does not exist yet: the first \`sync run\` makes it.`,
  ];
  if (account.addressbook)
    lines.push(
      r.addressbookUrl
        ? `Address book "${account.addressbook}": ${r.addressbookUrl}`
        : r.addressbookSameName.length
          ? `${r.addressbookSameName.length} address books are named "${account.addressbook}": ${r.addressbookSameName.join(', ')}; give one by its URL or path.`
          : account.addressbookUrl
            ? `Address book "${account.addressbook}" is no longer at ${account.addressbookUrl}.`
            : `Address book "${account.addressbook}" does not exist yet: the first \`sync run\` makes it.`,
    );
  lines.push(
    '',
    r.calendars.length
      ? `Calendars that take events (${r.calendars.length}):`
      : 'No calendar there takes events.',
    ...r.calendars.map(
      (c) => `  ${c.name}${c.followthroughMade ? ' (made by Followthrough)' : ''}  ${c.url}`,
    ),
  );
  if (r.addressBookHomeUrl === null) lines.push('No address books: the server offers no CardDAV.');
  else
    lines.push(
      r.addressBooks.length ? `Address books (${r.addressBooks.length}):` : 'No address books yet.',
      ...r.addressBooks.map((b) => `  ${b.name}  ${b.url}`),
    );
  return lines.join('\n');
}

const PROGRESS_LINES = new Map<string, string>([
  ['calendar writing', 'sending follow-ups to the calendar'],
  ['contacts reading', 'reading cards'],
  ['contacts matching', 'matching cards with contacts'],
  ['contacts writing', 'sending contacts'],
]);

/** A line for the steps that count something ("reading cards 200/10000"); none for the others. */
function progressLine(event: ProgressPayload): string | null {
  const words = PROGRESS_LINES.get(`${event.side} ${event.phase}`);
  return words && event.total > 0 ? `${words} ${event.done}/${event.total}` : null;
}
