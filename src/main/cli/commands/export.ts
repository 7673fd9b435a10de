import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeAtomically } from '../../app/atomic-write.ts';
import { printResult } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

export function registerExportCommand(program: Command, session: () => CliSession): void {
  program
    .command('export')
    .description('export follow-ups for your own calendar app')
    .requiredOption('--format <format>', 'ics')
    .requiredOption('--out <file>', 'where to write it')
    .option('--from <date>', 'first local day, YYYY-MM-DD (default: today)')
    .option('--to <date>', 'last local day, YYYY-MM-DD (default: a year on)')
    .option('--contact <id>', 'only this contact', positiveInt)
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--alarms', 'add a reminder alarm to each event (not every calendar app keeps them)')
    .action(
      async (o: {
        format: string;
        out: string;
        from?: string;
        to?: string;
        contact?: number;
        tag?: string;
        alarms?: boolean;
      }) => {
        const s = session();
        if (o.format !== 'ics') throw new Error(`Unknown format "${o.format}"; this version exports ics.`);
        const result = await s.call('calendar.exportIcs', {
          from: o.from,
          to: o.to,
          contactId: o.contact,
          tag: o.tag,
          alarms: o.alarms ?? false,
        });
        const out = resolve(o.out);
        writeAtomically(out, result.content);
        printResult(
          s.options.json,
          { file: out, events: result.events },
          () => `Exported ${result.events} follow-ups to ${out}.`,
        );
      },
    );
}
