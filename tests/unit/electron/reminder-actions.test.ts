import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../src/main/api/dispatch.ts';
import { createReminderActions } from '../../../src/main/electron/reminder-actions.ts';

describe('reminder actions', () => {
  it('marks done and snoozes through the validated API', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: null }));
    const actions = createReminderActions(dispatch, vi.fn());
    await actions.done(7);
    await actions.snoozeForAnHour([1, 2]);
    expect(dispatch.mock.calls).toEqual([
      ['followups.done', { id: 7 }],
      ['followups.snooze', { id: 1, preset: '1h' }],
      ['followups.snooze', { id: 2, preset: '1h' }],
    ]);
  });

  it('logs failures and carries on with the rest', async () => {
    const log = vi.fn();
    const dispatch = vi.fn<Dispatch>(async (_method, input) => {
      if ((input as { id: number }).id === 1)
        return { ok: false, error: { code: 'not_found', message: 'No follow-up 1.' } };
      if ((input as { id: number }).id === 2) throw new Error('boom');
      return { ok: true, value: null };
    });
    await createReminderActions(dispatch, log).snoozeForAnHour([1, 2, 3]);
    expect(dispatch).toHaveBeenCalledTimes(3);
    expect(log.mock.calls).toEqual([
      ['followups.snooze from a reminder failed: No follow-up 1.'],
      ['followups.snooze from a reminder failed.', expect.any(Error)],
    ]);
  });
});
