import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/temp-app.ts';

// The "done when": seed 200 contacts, then `draft` on any due step gives a specific,
// checked message; the check runs on any text; a message file is recorded as sent.

const NOW = '2026-12-01T09:30:00Z';
let dir: string;
let db: string;
// In the test's process (a child costs a second or more); `spawned` where the exit code and
// stderr of a real process are the point.
const run = (args: string[]) => cliInProcess(['--now', NOW, ...args, '--db', db]);
const spawned = (args: string[]) => cli(['--now', NOW, ...args, '--db', db]);
const json = async (args: string[]) => {
  const r = await run([...args, '--json']);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'compose.db');
  // Seeding reports progress on stderr.
  expect((await run(['seed', '--contacts', '200'])).code).toBe(0);
}, 120_000);

describe('draft on the command line', () => {
  it('writes a specific, checked message for every due step of a seeded network', async () => {
    const today = await json(['today']);
    const due = [...today.overdue, ...today.dueToday].slice(0, 6);
    expect(due.length).toBeGreaterThan(0);
    for (const step of due) {
      const draft = await json(['draft', String(step.id)]);
      expect(Object.keys(draft)).toEqual(
        expect.arrayContaining(['subject', 'body', 'channel', 'variant', 'checks', 'handoff']),
      );
      expect(draft.body).not.toMatch(/\{\{|\}\}|\s\.|\.\./);
      expect(draft.body).toContain(step.contactName.split(' ')[0]);
      for (const check of draft.checks)
        expect(Object.keys(check)).toEqual(expect.arrayContaining(['id', 'ok', 'message']));
      expect(draft.checks.find((c: { id: string }) => c.id === 'names_person').ok).toBe(true);
      if (draft.channel === 'email' && draft.handoff.kind === 'mailto')
        expect(draft.handoff.url).toMatch(/^mailto:/);
    }
  }, 120_000);

  it('checks any text, and records a message file as sent, in full', async () => {
    const today = await json(['today']);
    const step = [...today.overdue, ...today.dueToday][0];
    const text = join(dir, 'message.txt');
    writeFileSync(text, 'Subject: Hello\n\nHi there, just checking in & touching base.\n');
    const checked = await json(['draft', 'check', String(step.id), '--text-file', text]);
    const stock = checked.checks.find((c: { id: string }) => c.id === 'stock_phrases');
    expect(stock.ok).toBe(false);
    expect(stock.message).toMatch(/just checking in/);
    expect(checked.checks.find((c: { id: string }) => c.id === 'names_person').ok).toBe(false);

    const human = await run(['draft', 'check', String(step.id), '--text-file', text]);
    expect(human.stdout).toMatch(/✗ .*just checking in/);

    const message = `Hi ${step.contactName},\n\nLine two with + & # and ünïcödé.\n`;
    writeFileSync(text, message);
    const done = await json(['followups', 'done', String(step.id), '--message-file', text, '--variant', '1']);
    expect(done.interaction.summary).toBe(message.trim());
  }, 60_000);

  it('refuses a template file with an unknown placeholder, naming the file and its line', async () => {
    const file = join(dir, 'mine.txt');
    writeFileSync(
      file,
      'purpose: refresher\nchannel: email\nname: Mine\nsubject: Hi\n\nHello {{first_name}},\n{{frist_name}}\n',
    );
    const refused = await run(['templates', 'add', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(file);
    expect(refused.stderr).toMatch(/frist_name/);
    expect(refused.stderr).toMatch(/line 7/);

    writeFileSync(
      file,
      'purpose: refresher\nchannel: email\nname: Mine\nsubject: Hi\n\nHello {{first_name}}, good to meet you.\n',
    );
    const added = await json(['templates', 'add', file]);
    expect(added).toMatchObject({ builtIn: false, purpose: 'refresher', channel: 'email' });
    const list = await json(['templates', 'list', '--purpose', 'refresher', '--channel', 'email']);
    expect(list.map((t: { id: string }) => t.id)).toContain(added.id);
    const shown = await run(['templates', 'show', added.id]);
    expect(shown.stdout).toContain('Hello {{first_name}}');
  }, 60_000);

  it('refuses a message file that is not UTF-8, naming the line', async () => {
    const file = join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('fine\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const r = await spawned(['draft', 'check', '1', '--text-file', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/latin1\.txt, line 2: is not UTF-8/);
  });
});
