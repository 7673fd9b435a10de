import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { watchExternalChanges } from '../../app/external-changes.ts';
import { startDailyBackups } from '../../backup/daily-backups.ts';
import { feedForPath } from '../../calendar/feed.ts';
import { LOOPBACK_PORT } from '../../http/ports.ts';
import { startHttpReminders } from '../../http/reminders.ts';
import { startHttpShell } from '../../http/server.ts';
import { startMailWatch } from '../../mail/watch.ts';
import { startSyncWatch } from '../../sync/sync-watch.ts';
import type { CliSession } from '../session.ts';
import { nonNegativeInt } from './options.ts';

/** The built renderer, next to the sources (npm run serve builds it first). */
const RENDERER_DIR = fileURLToPath(new URL('../../../../out/renderer/', import.meta.url));

const REMINDER_CHECK_MS = 15 * 60_000;

export function registerServeCommand(program: Command, session: () => CliSession): void {
  program
    .command('serve')
    .description('serve the app and its API to your browser on 127.0.0.1, guarded by a per-run token')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', nonNegativeInt, LOOPBACK_PORT)
    .option('--test-clock', 'for automated tests: start at --now and allow testing.setNow to move time')
    .action(async (o: { port: number; testClock?: boolean }) => {
      const s = session();
      const context = s.open('http', { testClock: o.testClock ?? false });
      const shell = await startHttpShell({
        dispatch: context.dispatch,
        staticDir: RENDERER_DIR,
        port: o.port,
        feed: (path) => feedForPath(context, path),
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') {
          throw new Error(
            `Port ${o.port} is in use (is Followthrough already serving?). Try --port 0 for a free port.`,
          );
        }
        throw error;
      });
      // The calendar feed is served from this server for as long as it runs.
      context.feed.baseUrl = `http://127.0.0.1:${shell.port}`;
      if (s.options.json) {
        process.stdout.write(`${JSON.stringify({ url: shell.url, port: shell.port, token: shell.token })}\n`);
      } else {
        const { databasePath } = (await s.call('app.info', {})) as { databasePath: string };
        process.stdout.write(
          `Followthrough is running. Open this link in your browser (it carries this run's access token):\n\n  ${shell.url}\n\nDatabase: ${databasePath}\nPress Ctrl+C to stop.\n`,
        );
      }
      // Reminders before the daily backup: the backup holds the write gate, and the scheduler's
      // first pass (re-timing every step after a zone change) must find what it owes once the
      // gate is free. No resume event here: after a laptop sleep, only this cap bounds how late
      // reminders come.
      const reminders = startHttpReminders(context, shell.events, { maxSleepMs: REMINDER_CHECK_MS });
      const stopBackups = startDailyBackups(context, (error) =>
        console.error('[followthrough] daily backup failed:', error),
      );
      // The CLI writing next to this server: its pages and scheduler hear of it too.
      const stopWatching = watchExternalChanges(context.db, context.bus);
      // Mail accounts: a pass now and on every poll, IDLE for those that want it (issue 12).
      const mail = startMailWatch(context);
      // CalDAV accounts: the outbox pushed at start, every 5 minutes and soon after a change (issue 14).
      const sync = startSyncWatch(context);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      stopWatching();
      await mail.stop();
      await sync.stop();
      reminders.stop();
      stopBackups();
      await shell.close();
      s.close();
    });
}
