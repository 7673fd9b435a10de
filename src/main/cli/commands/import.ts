import { basename, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  MATCH_REASON_LABELS,
} from '../../../shared/domain/import-formats.ts';
import type { ImportPreview } from '../../../shared/domain/imports.ts';
import { printResult, progress, progressDone, table } from '../output.ts';
import type { CliSession } from '../session.ts';

function importFormat(value: string): ImportFormat {
  if ((IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat;
  throw new InvalidArgumentError(`must be one of ${IMPORT_FORMATS.join(', ')}`);
}

export function registerImportCommand(program: Command, session: () => CliSession): void {
  program
    .command('import')
    .description(
      'import contacts from LinkedIn, Google or Outlook CSV, or vCard (previews first with --dry-run)',
    )
    .argument('<file>', 'the exported file')
    .option('--format <format>', `skip detection: ${IMPORT_FORMATS.join(', ')}`, importFormat)
    .option('--dry-run', 'show what would happen and write nothing')
    .option(
      '--merge-possible',
      'also merge rows that only match by name and company (normally added and left for review)',
    )
    .action(async (file: string, o: { format?: ImportFormat; dryRun?: boolean; mergePossible?: boolean }) => {
      const s = session();
      const path = resolve(file);
      const stop = s.open().bus.subscribe((event) => {
        if (event.type === 'progress') progress(`${event.phase} ${event.done}/${event.total}`);
      });
      try {
        // The path, not the bytes: main checks the size on disk, then streams the file.
        const preview = await s.call('imports.preview', { fileName: basename(path), path, format: o.format });
        if (o.dryRun) {
          progressDone();
          printResult(s.options.json, preview, () => describePreview(preview));
          return;
        }
        const result = await s.call('imports.commit', {
          previewId: preview.previewId,
          mergeLines: o.mergePossible ? preview.review.map((r) => r.line) : [],
        });
        // Indexing for search runs right after the commit; let it finish before the CLI exits.
        await s.open().gate.idle();
        progressDone();
        printResult(s.options.json, { preview, result }, () =>
          [
            describePreview(preview),
            '',
            `Imported: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped.`,
            result.importId === null ? 'Nothing was written: every row had been imported before.' : '',
            result.created ? 'New contacts wait for review: `contacts list --imported`.' : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      } finally {
        stop();
      }
    });
}

function describePreview(p: ImportPreview): string {
  const unit = p.format === 'vcard' ? 'cards' : 'rows';
  const lines = [
    `${p.fileName}: ${p.format}${p.detected ? ' (detected)' : ''}, ${count(p.rows)} ${unit} read from ${count(p.lines)} lines`,
    `  new ${p.counts.new} · matched ${p.counts.matched} · possible matches ${p.counts.review} · already imported ${p.counts.unchanged} · rows with problems ${p.counts.problems}`,
  ];
  if (p.review.length) {
    lines.push('', 'Possible matches (added as new unless --merge-possible; see `duplicates`):');
    lines.push(
      table(
        ['line', 'row', 'existing', 'why'],
        p.review
          .slice(0, 20)
          .map((r) => [String(r.line), r.name, r.contact.displayName, MATCH_REASON_LABELS[r.reason]]),
      ),
    );
  }
  if (p.problems.length) {
    // One problem a line, never cut: an unreadable row's message quotes the line in full.
    lines.push('', 'Problems:');
    for (const x of p.problems.slice(0, 30)) {
      lines.push(`  ${x.file}:${x.line}${x.column ? ` ${x.column}` : ''} ${x.severity}: ${x.message}`);
    }
    if (p.problems.length > 30) lines.push(`  … and ${p.problems.length - 30} more (use --json for all).`);
  }
  return lines.join('\n');
}

const count = (n: number) => n.toLocaleString('en');
