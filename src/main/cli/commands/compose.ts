import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import {
  type CheckResult,
  COMPOSE_CHANNELS,
  type ComposeChannel,
  type ComposeTemplate,
  type Draft,
} from '../../../shared/domain/compose.ts';
import { PURPOSES, type Purpose } from '../../../shared/domain/followup.ts';
import { printResult, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import { nonNegativeInt, positiveInt } from './options.ts';
import { readTextFile, splitSubject } from './text-file.ts';

const oneOf =
  <T extends string>(allowed: readonly T[], what: string) =>
  (value: string): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new ApiError('invalid_input', `${what} must be one of ${allowed.join(', ')} (not "${value}").`);
  };
const channelOption = oneOf(COMPOSE_CHANNELS, '--channel');
const purposeOption = oneOf(PURPOSES, '--purpose');

export function registerComposeCommands(program: Command, session: () => CliSession): void {
  const draft = program
    .command('draft')
    .description('write the message for a follow-up step (or --contact), with the personalisation check')
    .argument('[step]', 'follow-up id (see `today`)', positiveInt)
    .option('--contact <id>', 'write to this contact without a step', positiveInt)
    .option('--purpose <purpose>', `with --contact: what it is for (${PURPOSES.join(', ')})`, purposeOption)
    .option('--channel <channel>', `${COMPOSE_CHANNELS.join(', ')} (default: the step's)`, channelOption)
    .option('--variant <n>', 'this template variant (0-based) instead of the next fresh one', nonNegativeInt)
    .option('--fresh', 'ignore the draft saved in the app and write afresh')
    .action(
      async (
        step: number | undefined,
        o: {
          contact?: number;
          purpose?: Purpose;
          channel?: ComposeChannel;
          variant?: number;
          fresh?: boolean;
        },
      ) => {
        if (step === undefined && o.contact === undefined)
          throw new ApiError(
            'invalid_input',
            'Name a follow-up (draft 12) or a contact (draft --contact 7).',
          );
        const s = session();
        const result = await s.call('compose.draft', {
          stepId: step,
          contactId: o.contact,
          purpose: o.purpose,
          channel: o.channel,
          variant: o.variant,
          fresh: o.fresh,
        });
        printResult(s.options.json, result, () => draftText(result));
      },
    );
  draft
    .command('check')
    .description('the personalisation check on any text, for a step (or --contact)')
    .argument('[step]', 'follow-up id', positiveInt)
    .requiredOption(
      '--text-file <file>',
      'the message (for e-mail, a first line "Subject: …" is the subject)',
    )
    .option('--contact <id>', 'check it for this contact without a step', positiveInt)
    .option('--channel <channel>', `${COMPOSE_CHANNELS.join(', ')} (default: email)`, channelOption)
    .action(
      async (
        step: number | undefined,
        o: { textFile: string; contact?: number; channel?: ComposeChannel },
      ) => {
        if (step === undefined && o.contact === undefined)
          throw new ApiError(
            'invalid_input',
            'Name a follow-up (draft check 12 …) or a contact (--contact 7).',
          );
        const s = session();
        const { text } = readTextFile(o.textFile, '--text-file');
        const { subject, body } = splitSubject(text);
        const result = await s.call('compose.check', {
          stepId: step,
          contactId: o.contact,
          channel: o.channel ?? 'email',
          subject,
          body,
        });
        printResult(s.options.json, result, () => checksText(result));
      },
    );

  const templates = program.command('templates').description('the composer’s message templates');
  templates
    .command('list')
    .description('built-in templates and yours, by purpose and channel')
    .option('--purpose <purpose>', 'only this purpose', purposeOption)
    .option('--channel <channel>', 'only this channel', channelOption)
    .action(async (o: { purpose?: Purpose; channel?: ComposeChannel }) => {
      const s = session();
      const list = await s.call('templates.list', { purpose: o.purpose, channel: o.channel });
      printResult(s.options.json, list, () =>
        table(
          ['ID', 'PURPOSE', 'CHANNEL', 'NAME'],
          list.map((t) => [t.id, t.purpose, t.channel, t.builtIn ? t.name : `${t.name} (yours)`]),
        ),
      );
    });
  templates
    .command('show')
    .description('one template, whole')
    .argument('<id>', 'template id (see `templates list`)')
    .action(async (id: string) => {
      const s = session();
      const t = await s.call('templates.get', { id });
      printResult(s.options.json, t, () => templateText(t));
    });
  templates
    .command('add')
    .description(
      'add your own template from a file: header lines (purpose:, channel:, name:, subject:), a blank line, then the body',
    )
    .argument('<file>', 'the template file')
    .action(async (file: string) => {
      const s = session();
      const { path, text } = readTextFile(file, 'templates add');
      const parsed = parseTemplateFile(path, text);
      try {
        const t = await s.call('templates.add', parsed.input);
        printResult(s.options.json, t, () => `Added template ${t.id} (${t.purpose}, ${t.channel}).`);
      } catch (error) {
        throw locateInFile(error, path, parsed.bodyLine);
      }
    });
}

/** A template file's header keys; the body starts after the first blank line. */
const HEADER_KEYS = new Set(['purpose', 'channel', 'name', 'subject']);

function parseTemplateFile(path: string, text: string) {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') break;
    const match = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    const key = match?.[1]?.toLowerCase();
    if (!match || !key || !HEADER_KEYS.has(key)) {
      throw new ApiError(
        'invalid_input',
        `${path}, line ${index + 1}: expected a header line (purpose:, channel:, name: or subject:), then a blank line and the body.`,
      );
    }
    header.set(key, match[2]?.trim() ?? '');
  }
  const need = (key: string) => {
    const value = header.get(key);
    if (!value) throw new ApiError('invalid_input', `${path}: the header has no "${key}:" line.`);
    return value;
  };
  const input = {
    purpose: purposeOption(need('purpose')),
    channel: channelOption(need('channel')),
    name: need('name'),
    subject: header.get('subject') ?? null,
    body: lines.slice(index + 1).join('\n'),
  };
  return { input, bodyLine: index + 2 };
}

/** The contract names a body line; in a file, that line is further down, after the header. */
function locateInFile(error: unknown, path: string, bodyLine: number): unknown {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return error;
  const issues = error.issues?.map((issue) => {
    const line = /^body: line (\d+)/.exec(`${issue.path}: ${issue.message}`);
    return line
      ? { ...issue, message: `${issue.message} (${path}, line ${Number(line[1]) + bodyLine - 1})` }
      : issue;
  });
  return new ApiError('invalid_input', `${path}: ${error.message}`, issues);
}

function draftText(d: Draft): string {
  const lines = [
    `${d.purpose.replaceAll('_', ' ')} to ${d.contactName} · ${d.channel.replace('_', ' ')} · variant ${d.variant + 1} of ${d.variants}${d.saved ? ' (your saved edit)' : ''}`,
    '',
  ];
  if (d.subject) lines.push(`Subject: ${d.subject}`, '');
  lines.push(d.body, '');
  if (d.ask)
    lines.push(`To make it personal: ${d.ask.question} (add it to the contact, then draft again)`, '');
  if (d.proposedTimes.length)
    lines.push(
      `Proposed times: ${d.proposedTimes.map((t) => (t.theirs ? `${t.mine} (${t.theirs} for them)` : t.mine)).join('; ')}`,
    );
  if (d.facts.length) lines.push(`Drawn from: ${d.facts.map((f) => `${f.label}: ${f.text}`).join(' · ')}`);
  lines.push('', checksText(d));
  return lines.join('\n');
}

function checksText(r: CheckResult): string {
  const lines = r.checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.message}`);
  const handoff = r.handoff.url ? `Open: ${r.handoff.url}` : `Hand-off: ${r.handoff.note ?? 'copy the text'}`;
  return ['Checks (advice, never a block):', ...lines, handoff].join('\n');
}

function templateText(t: ComposeTemplate): string {
  return [
    `${t.id} · ${t.purpose} · ${t.channel}${t.builtIn ? ' · built in' : ''}`,
    `Name: ${t.name}`,
    ...(t.subject ? [`Subject: ${t.subject}`] : []),
    '',
    t.body,
  ].join('\n');
}
