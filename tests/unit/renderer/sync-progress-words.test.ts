import { describe, expect, it } from 'vitest';
import { syncProgressInWords } from '../../../src/renderer/src/sync/syncWords.ts';
import type { ProgressPayload } from '../../../src/shared/api/pushes.ts';

const at = (p: Omit<ProgressPayload, 'task' | 'accountId'>): ProgressPayload => ({
  task: 'dav-sync',
  accountId: 1,
  ...p,
});

describe('a sync pass in words', () => {
  it('names the step and counts what it goes through', () => {
    expect(syncProgressInWords(at({ side: 'contacts', phase: 'reading', done: 2300, total: 10000 }))).toEqual(
      {
        label: 'Reading cards from the server',
        detail: '2,300 of 10,000 cards',
      },
    );
    expect(syncProgressInWords(at({ side: 'contacts', phase: 'matching', done: 40, total: 250 }))).toEqual({
      label: 'Matching cards with your contacts',
      detail: '40 of 250 cards',
    });
    expect(syncProgressInWords(at({ side: 'contacts', phase: 'writing', done: 1, total: 1 }))).toEqual({
      label: 'Sending contacts to the server',
      detail: '1 of 1 contact',
    });
    expect(syncProgressInWords(at({ side: 'calendar', phase: 'writing', done: 120, total: 3400 }))).toEqual({
      label: 'Sending follow-ups to the calendar',
      detail: '120 of 3,400 changes',
    });
  });

  it('with nothing counted yet, only what it is doing (the bar slides)', () => {
    expect(syncProgressInWords(at({ side: 'calendar', phase: 'reading', done: 0, total: 0 }))).toEqual({
      label: 'Reading the calendar',
      detail: undefined,
    });
    expect(syncProgressInWords(at({ side: 'contacts', phase: 'reading', done: 0, total: 0 })).detail).toBe(
      undefined,
    );
    expect(syncProgressInWords(at({ phase: 'done', done: 12, total: 12 })).label).toBe('Sync finished');
  });
});
