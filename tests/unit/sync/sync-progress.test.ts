import { describe, expect, it } from 'vitest';
import { syncProgress } from '../../../src/main/sync/sync-progress.ts';
import type { ProgressPayload } from '../../../src/shared/api/pushes.ts';

describe('a pass’s progress pushes', () => {
  it('a few a second within a phase; its first and last count, and each new phase, always', () => {
    const sent: ProgressPayload[] = [];
    let now = 0;
    const { report, finish } = syncProgress(
      (p) => sent.push(p),
      7,
      () => now,
    );
    report('contacts', 'reading', 0, 0);
    for (let done = 100; done <= 1000; done += 100) {
      now += 50;
      report('contacts', 'reading', done, 1000);
    }
    now += 10;
    report('contacts', 'matching', 1, 1000);
    now += 10;
    report('contacts', 'matching', 2, 1000);
    finish(1000);
    expect(sent.map((p) => [p.side, p.phase, p.done])).toEqual([
      ['contacts', 'reading', 0],
      ['contacts', 'reading', 100], // counted now: a total where there was none
      ['contacts', 'reading', 600], // 250 ms on: the counts between are left out
      ['contacts', 'reading', 1000], // the last
      ['contacts', 'matching', 1],
      [undefined, 'done', 1000],
    ]);
    expect(sent.every((p) => p.task === 'dav-sync' && p.accountId === 7 && p.done <= p.total)).toBe(true);
  });

  it('a count past its total (a change queued during the push) raises the total', () => {
    const sent: ProgressPayload[] = [];
    syncProgress(
      (p) => sent.push(p),
      1,
      () => 0,
    ).report('calendar', 'writing', 5, 4);
    expect(sent[0]).toMatchObject({ done: 5, total: 5 });
  });
});
