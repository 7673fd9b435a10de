import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import type { MailAccount, MailSecurity, MailSyncResult } from '../../../shared/domain/mail.ts';
import { MAIL_PRESETS } from '../../../shared/domain/mail-presets.ts';
import { printResult, progress, progressDone, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import * as accountFlags from './account-options.ts';
import { collect, positiveInt } from './options.ts';

interface AddOptions extends accountFlags.CredentialOptions {
  name: string;
  preset?: string;
  host?: string;
  port?: number;
  user: string;
  tls?: boolean;
  starttls?: boolean;
  insecureLocal?: boolean;
  oauth2?: boolean;
  folder?: string[];
  address?: string[];
  idle: boolean;
  verify: boolean;
}

export function registerMailCommands(program: Command, session: () => CliSession): void {
  const mail = program.command('mail').description('your own mailbox over IMAP: accounts, sync, suggestions');
  const accounts = mail
    .command('accounts')
    .description('IMAP accounts (headers only are read; no password is stored)');

  const add = accounts
    .command('add')
    .description('add an IMAP account; logs in once first unless --no-verify')
    .requiredOption('--name <name>', 'a name for the account, e.g. Work')
    .option('--preset <id>', `fill in host, port and TLS: ${accountFlags.presetIds(MAIL_PRESETS)}`)
    .option('--host <host>', 'IMAP server, e.g. imap.fastmail.com')
    .option('--port <n>', 'IMAP port (993 for TLS, 143 for STARTTLS)', positiveInt)
    .requiredOption('--user <user>', 'the login, usually your address')
    .option('--tls', 'implicit TLS (the default)')
    .option('--starttls', 'plain connection upgraded with STARTTLS (required, never skipped)')
    .option('--insecure-local', 'no TLS: only for 127.0.0.1 or ::1 (a local bridge)');
  accountFlags
    .credentialOptions(add, 'pass show mail/work')
    .option('--oauth2', 'the command or variable gives an OAuth2 access token (XOAUTH2), not a password')
    .option('--folder <path>', 'a folder to watch (repeatable; default INBOX and your Sent folder)', collect)
    .option('--address <email>', 'another address of yours, e.g. an alias (repeatable)', collect)
    .option('--no-idle', 'do not keep a connection open while the app runs (poll only)')
    .option('--no-verify', 'save without logging in first')
    .action(async (o: AddOptions) => {
      const s = session();
      const preset = accountFlags.presetFrom(MAIL_PRESETS, o.preset);
      const host = o.host ?? preset?.host;
      const port = o.port ?? preset?.port;
      if (!host || !port) throw accountFlags.usage('give --host and --port, or a --preset');
      const account = await s.call('mail.accounts.add', {
        name: o.name,
        host,
        port,
        security: security(o) ?? preset?.security ?? 'tls',
        user: o.user,
        auth: o.oauth2 ? 'oauth2' : (preset?.auth ?? 'password'),
        credential: accountFlags.credentialFrom(o),
        ...(o.folder ? { folders: o.folder } : {}),
        ...(o.address ? { myAddresses: o.address } : {}),
        idle: o.idle,
        verify: o.verify,
      });
      printResult(s.options.json, account, () =>
        [
          `Added mail account "${account.name}" (${account.user} at ${account.host}:${account.port}).`,
          ...(preset ? [preset.secret] : []),
          'Run `mail sync` for a first pass (it reads the last 12 months of headers).',
        ].join('\n'),
      );
    });

  accounts
    .command('list')
    .description('the accounts and where each password comes from')
    .action(async () => {
      const s = session();
      const list = await s.call('mail.accounts.list', {});
      printResult(s.options.json, list, () =>
        list.length === 0
          ? 'No mail accounts. Add one with `mail accounts add`.'
          : table(
              ['NAME', 'USER', 'SERVER', 'PASSWORD FROM', 'LAST SYNC'],
              list.map((a) => [
                a.name,
                a.user,
                `${a.host}:${a.port} ${a.security}`,
                accountFlags.describeCredential(a.credential),
                accountFlags.lastSyncCell(a),
              ]),
            ),
      );
    });

  accounts
    .command('test')
    .description('log in and list the folders (which are watched)')
    .argument('<name>', 'account name')
    .action(async (name: string) => {
      const s = session();
      const account = await byName(s, name);
      const result = await s.call('mail.accounts.test', { id: account.id });
      printResult(s.options.json, result, () =>
        [
          `Logged in to "${result.account}". IDLE ${result.idle ? 'yes' : 'no'} · CONDSTORE ${result.condstore ? 'yes' : 'no'}`,
          ...result.folders.map(
            (f) => `  ${f.watched ? '*' : ' '} ${f.path}${f.specialUse ? ` (${f.specialUse})` : ''}`,
          ),
          '  (* watched)',
        ].join('\n'),
      );
    });

  const update = accounts
    .command('update')
    .description("give an account's password source again (after a restore, or a new password manager entry)")
    .argument('<name>', 'account name');
  accountFlags.credentialOptions(update).action(async (name: string, o: accountFlags.CredentialOptions) => {
    const s = session();
    const account = await byName(s, name);
    const updated = await s.call('mail.accounts.update', {
      id: account.id,
      patch: { credential: accountFlags.credentialFrom(o) },
    });
    printResult(
      s.options.json,
      updated,
      () =>
        `Mail account "${updated.name}" now takes its password from ${accountFlags.describeCredential(updated.credential)}.`,
    );
  });

  accounts
    .command('remove')
    .description('remove an account (what it synced stays on the timelines)')
    .argument('<name>', 'account name')
    .action(async (name: string) => {
      const s = session();
      const account = await byName(s, name);
      const result = await s.call('mail.accounts.remove', { id: account.id });
      printResult(s.options.json, result, () => `Removed mail account "${result.name}".`);
    });

  mail
    .command('sync')
    .description('one sync pass: new headers in, interactions on timelines, follow-ups moved on')
    .option('--account <name>', 'only this account')
    .action(async (o: { account?: string }) => {
      const s = session();
      const stop = s.open().bus.subscribe((event) => {
        if (
          event.type === 'progress' &&
          event.task === 'mail-sync' &&
          event.phase === 'reading' &&
          event.total > 0
        )
          progress(`reading headers ${event.done}/${event.total}`);
      });
      let result: MailSyncResult;
      try {
        result = await s.call('mail.sync', o.account === undefined ? {} : { account: o.account });
      } finally {
        stop();
        progressDone();
      }
      printResult(s.options.json, result, () => describeSync(result));
      const failed = result.accounts.filter((a) => a.error);
      if (failed.length > 0) throw new ApiError('upstream', failed.map((a) => a.error).join('\n'));
    });

  mail
    .command('suggestions')
    .description('people you write with who are not contacts yet')
    .action(async () => {
      const s = session();
      const list = await s.call('mail.suggestions', {});
      printResult(s.options.json, list, () =>
        list.length === 0
          ? 'No suggestions.'
          : table(
              ['ADDRESS', 'NAME', 'THREADS', 'BOTH WAYS', 'FIRST SUBJECT'],
              list.map((c) => [
                c.address,
                c.name ?? '',
                String(c.threads),
                String(c.twoWayThreads),
                c.firstSubject ?? '',
              ]),
            ),
      );
    });

  mail
    .command('dismiss')
    .description('do not suggest this address again')
    .argument('<address>', 'e-mail address')
    .action(async (address: string) => {
      const s = session();
      const result = await s.call('mail.dismissSuggestion', { address });
      printResult(s.options.json, result, () => `${address} will not be suggested again.`);
    });
}

function security(o: AddOptions): MailSecurity | undefined {
  const chosen = [o.tls && 'tls', o.starttls && 'starttls', o.insecureLocal && 'insecure-local'].filter(
    (x): x is MailSecurity => typeof x === 'string',
  );
  if (chosen.length > 1) throw accountFlags.usage('choose one of --tls, --starttls and --insecure-local');
  return chosen[0];
}

async function byName(s: CliSession, name: string): Promise<MailAccount> {
  const list = await s.call('mail.accounts.list', {});
  const found = list.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (!found)
    throw new ApiError(
      'not_found',
      `There is no mail account called "${name}"${list.length ? ` (there are: ${list.map((a) => a.name).join(', ')})` : ''}.`,
    );
  return found;
}

function describeSync(r: MailSyncResult): string {
  if (r.accounts.length === 0) return 'No mail accounts. Add one with `mail accounts add`.';
  return [
    ...r.accounts.map((a) =>
      a.error
        ? `${a.name}: failed: ${a.error}`
        : `${a.name}: ${a.messages} new message(s) in ${a.folders} folder(s)`,
    ),
    `${r.messages} new message(s), ${r.matched} from or to contacts: ${r.interactions} interaction(s) added.`,
    `${r.replies} reply(ies) ended ${r.nudgesCancelled} nudge(s); ${r.stepsCompleted} follow-up step(s) completed by what you sent.`,
  ].join('\n');
}
