import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/temp-app.ts';

// Every command runs as if on Monday 16 Nov 2026, 10:00 UTC.
const NOW = '2026-11-16T10:00:00Z';
const FIXTURES = join(import.meta.dirname, '../../fixtures/imports');
let db: string;
beforeEach(() => {
  db = join(tempDir(), 'cli.db');
});

// In the test's process (a child costs a second or more); `spawned` where the exit code and
// stderr of a real process are the point.
const run = (args: string[]) => cliInProcess([...args, '--db', db, '--now', NOW]);
const spawned = (args: string[]) => cli([...args, '--db', db, '--now', NOW]);
const json = async (args: string[]) => {
  const r = await run([...args, '--json']);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('npm run cli -- undo', { timeout: 120_000 }, () => {
  it('undoes the last quick action and prints what it undid; then there is nothing left', async () => {
    const ada = await json(['contacts', 'add', 'Ada Lovelace', '--met-on', '2026-11-13']);
    const [step] = await json(['followups', 'list', '--contact', String(ada.id)]);
    const done = await json(['followups', 'done', String(step.id), '--summary', 'Sent the notes']);
    expect(done.undoId).toEqual(expect.any(Number));

    const peek = await run(['undo', '--dry-run']);
    expect(peek.stdout).toMatch(/^Would undo: Done: .* for Ada Lovelace \(2026-11-16 10:00 UTC, #\d+\)\n$/);

    const undone = await run(['undo']);
    expect(undone.code).toBe(0);
    expect(undone.stdout).toMatch(
      new RegExp(
        `^Undid: Done: .* for Ada Lovelace .*\\.\\nFollow-up #${step.id} is pending, due ${step.dueOn}\\.\\n$`,
      ),
    );
    const shown = await json(['contacts', 'show', String(ada.id)]);
    expect(shown.interactions).toEqual([]);
    expect(await json(['followups', 'list', '--contact', String(ada.id)])).toEqual([
      expect.objectContaining({ id: step.id, status: 'pending' }),
    ]);

    const again = await spawned(['undo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Error: .*nothing to undo/);
    expect((await run(['undo', '--dry-run'])).stdout).toBe('Nothing to undo.\n');
  });

  it('--json prints the undone action and the step; a conflict is an error in words (exit 1)', async () => {
    const ada = await json(['contacts', 'add', 'Ada Lovelace', '--met-on', '2026-11-13']);
    const [step] = await json(['followups', 'list', '--contact', String(ada.id)]);
    const done = await json(['followups', 'done', String(step.id)]);
    await json(['followups', 'done', String(done.next.id)]);
    const conflict = await spawned(['undo', '--id', String(done.undoId), '--json']);
    expect(conflict.code).toBe(1);
    expect(JSON.parse(conflict.stderr)).toEqual({
      error: expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(
          /^Cannot undo “Done: .*”: the next step, .* is already done\. Nothing was changed\.$/,
        ),
      }),
    });

    const result = await json(['undo']);
    expect(result).toMatchObject({
      undone: { kind: 'done', followUpId: done.next.id },
      followUp: { id: done.next.id, status: 'pending' },
    });
    expect((await run(['undo', '--id', 'x'])).code).toBe(2);
  });

  it('undoes a bulk end: every step and cycle it closed is open again, exactly', async () => {
    // Met in January: each gets a re-engagement, due today.
    for (const name of ['Ada Lovelace', 'Grace Hopper'])
      await json(['contacts', 'add', name, '--met-on', '2026-01-05', '--met-where', 'a fair']);
    // Every step, open or closed, without its revision (an undone step is a new one for calendars).
    const steps = async () =>
      (await json(['followups', 'list', '--all'])).map(
        ({ sequence: _s, updatedAt: _u, ...step }: Record<string, unknown>) => step,
      );
    const before = await steps();
    expect(before.map((s: Record<string, unknown>) => `${s.purpose}:${s.status}`)).toEqual([
      'reengage:pending',
      'reengage:pending',
    ]);
    const ended = await run(['followups', 'end', '--purpose', 'reengage', '--including-today']);
    expect(ended.stdout).toBe('Ended 2 follow-ups; 2 cycles ended.\n');
    const undone = await run(['undo']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toMatch(/^Undid: Ended 2 follow-ups in bulk \(2026-11-16 10:00 UTC, #\d+\)\.\n$/);
    expect(await steps()).toEqual(before);
  });

  it('undoes Mark reviewed from the CLI: the imported contacts wait for review again', async () => {
    // Progress goes to stderr.
    expect((await run(['import', join(FIXTURES, 'linkedin-bom.csv')])).code).toBe(0);
    const waiting = await json(['contacts', 'list', '--imported']);
    expect(waiting.total).toBeGreaterThan(0);
    const marked = await json(['contacts', 'reviewed', '--all']);
    expect(marked.reviewed).toBe(waiting.total);
    expect((await json(['contacts', 'list', '--imported'])).total).toBe(0);
    const undone = await run(['undo']);
    expect(undone.stdout).toMatch(/^Undid: Marked (\d+ contacts|.+) reviewed /);
    expect((await json(['contacts', 'list', '--imported'])).total).toBe(waiting.total);
  });
});

describe('the next step from the CLI', { timeout: 120_000 }, () => {
  it('gets a due date on capture, is made a promise, and is done when its promise is kept', async () => {
    const priya = await json([
      'contacts',
      'add',
      'Priya Raman',
      '--next-step',
      'Send her our partner deck',
      '--next-step-due',
      '2026-11-20',
    ]);
    expect(priya).toMatchObject({ nextStep: 'Send her our partner deck', nextStepDueOn: '2026-11-20' });
    const promised = await run(['contacts', 'next-step', String(priya.id), '--promise']);
    expect(promised.stdout).toMatch(
      /^Priya Raman: Send her our partner deck \(promise #\d+, due 2026-11-20\)\n$/,
    );
    const [promise] = await json(['promises', 'list']);
    expect(promise).toMatchObject({ text: 'Send her our partner deck', dueOn: '2026-11-20' });
    await json(['promises', 'done', String(promise.id)]);
    const card = await run(['contacts', 'show', String(priya.id)]);
    expect(card.stdout).toMatch(/Next step\s+Send her our partner deck \(done 2026-11-16\)/);
  });

  it('is set, moved, done and reopened; logging an interaction can mark it done', async () => {
    const kim = await json(['contacts', 'add', 'Kim Park']);
    const id = String(kim.id);
    expect((await run(['contacts', 'next-step', id])).stdout).toBe('Kim Park: no agreed next step\n');
    expect(
      (await run(['contacts', 'next-step', id, '--set', 'Intro to Priya', '--due', '2026-11-18'])).stdout,
    ).toBe('Kim Park: Intro to Priya (due 2026-11-18)\n');
    expect((await run(['contacts', 'next-step', id, '--done'])).stdout).toBe(
      'Kim Park: Intro to Priya (done 2026-11-16)\n',
    );
    expect((await run(['contacts', 'next-step', id, '--reopen', '--due', 'none'])).stdout).toBe(
      'Kim Park: Intro to Priya\n',
    );
    await json(['interactions', 'add', id, '--summary', 'Introduced them', '--next-step-done']);
    expect((await json(['contacts', 'show', id])).nextStepDoneAt).toBe('2026-11-16T10:00:00.000Z');
    const bad = await run(['contacts', 'next-step', id, '--due', 'Friday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/nextStepDueOn/);
  });
});
