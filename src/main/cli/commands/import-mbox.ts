import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { MboxImportResult } from '../../../shared/domain/mbox-import.ts';
import { printResult, progress, progressDone } from '../output.ts';
import type { CliSession } from '../session.ts';

/** Problems printed; --json has every one the call returns. */
const PRINTED = 30;

export function registerImportMboxCommand(program: Command, session: () => CliSession): void {
  program
    .command('import-mbox')
    .description('read an mbox file (Gmail Takeout, Thunderbird, Apple Mail export) for the timeline')
    .argument('<file>', 'the mbox file, or an Apple Mail export folder (Name.mbox)')
    .option(
      '--me <address...>',
      'my own addresses in this file, besides those of my mail accounts (tells what I sent)',
    )
    .action(async (file: string, o: { me?: string[] }) => {
      const s = session();
      const path = resolve(file);
      const stop = s.open().bus.subscribe((event) => {
        if (event.type === 'progress' && event.phase === 'reading') {
          progress(`reading ${mb(event.done)} of ${mb(event.total)}`);
        }
      });
      try {
        // The path, not the bytes: main streams the file, whatever its size.
        const result = await s.call('mail.importMbox', { path, me: o.me ?? [] });
        progressDone();
        printResult(s.options.json, result, () => describe(result));
      } finally {
        stop();
      }
    });
}

function describe(r: MboxImportResult): string {
  const lines = [
    `${r.fileName}: ${count(r.messages)} messages read from ${mb(r.bytes)}${r.skipped ? `, ${count(r.skipped)} skipped` : ''}`,
    `  without a readable date ${count(r.withoutDate)} · without a Message-ID ${count(r.withoutMessageId)}`,
    `  new ${count(r.newMessages)} · already recorded ${count(r.duplicates)} · from or to a contact ${count(r.matched)} (${count(r.interactions)} timeline entries)`,
    `  replies ${count(r.replies)} · steps completed ${count(r.stepsCompleted)} · nudges cancelled ${count(r.nudgesCancelled)}`,
  ];
  const total = r.problems.length + r.problemsNotListed;
  if (total > 0) {
    lines.push('', 'Problems:');
    for (const p of r.problems.slice(0, PRINTED)) {
      const where = p.message === null ? '' : `message ${p.message}, `;
      lines.push(`  ${r.fileName}:${p.line} (${where}byte ${p.offset}): ${p.text}`);
    }
    if (total > PRINTED)
      lines.push(`  … and ${count(total - PRINTED)} more (use --json for the first ${r.problems.length}).`);
  }
  return lines.join('\n');
}

const count = (n: number) => n.toLocaleString('en');
const mb = (bytes: number) =>
  bytes < 1e6
    ? `${Math.ceil(bytes / 1e3).toLocaleString('en')} KB`
    : `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
