import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import { writeAtomically } from '../../files/atomic-write.ts';
import { printResult } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

export function registerExportCommand(program: Command, session: () => CliSession): void {
  program
    .command('export')
    .description(
      'export follow-ups (ics), contacts (vcard, csv in the Google layout) or a full JSON backup (json)',
    )
    .requiredOption('--format <format>', 'ics | vcard | csv | json')
    .requiredOption('--out <file>', 'where to write it')
    .option('--from <date>', 'first local day, YYYY-MM-DD (default: today)')
    .option('--to <date>', 'last local day, YYYY-MM-DD (default: a year on)')
    .option('--contact <id>', 'only this contact', positiveInt)
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--alarms', 'add a reminder alarm to each event (not every calendar app keeps them)')
    .option('--everything', 'ics: every open follow-up on its own due day, beyond the daily budget')
    .action(
      async (o: {
        format: string;
        out: string;
        from?: string;
        to?: string;
        contact?: number;
        tag?: string;
        alarms?: boolean;
        everything?: boolean;
      }) => {
        const s = session();
        if (o.format === 'vcard' || o.format === 'csv' || o.format === 'json') {
          const file = await s.call('data.export', { format: o.format });
          const out = resolve(o.out);
          writeAtomically(out, file.content);
          printResult(s.options.json, { file: out, contacts: file.count }, () =>
            o.format === 'json'
              ? `Backed up everything (${file.count} contacts) to ${out}. Restore with \`restore ${out} --yes\`.`
              : `Exported ${file.count} contacts to ${out}.`,
          );
          return;
        }
        if (o.format !== 'ics') {
          throw new ApiError('invalid_input', `Unknown format "${o.format}": use ics, vcard, csv or json.`);
        }
        const result = await s.call('calendar.exportIcs', {
          from: o.from,
          to: o.to,
          contactId: o.contact,
          tag: o.tag,
          alarms: o.alarms ?? false,
          everything: o.everything ?? false,
        });
        const out = resolve(o.out);
        writeAtomically(out, result.content);
        printResult(
          s.options.json,
          { file: out, events: result.events, later: result.later },
          () =>
            `Exported ${result.events} follow-ups to ${out}.${
              result.later > 0
                ? ` ${result.later} more are due by then but planned later by the daily budget (--everything includes them).`
                : ''
            }`,
        );
      },
    );
}
