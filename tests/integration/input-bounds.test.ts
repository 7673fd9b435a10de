import { afterEach, describe, expect, it } from 'vitest';
import { refusal } from '../helpers/refusal.ts';
import { openTempApp, type TempApp } from '../helpers/temp-app.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

/** The UTC day `years` from the app's today (the dispatcher reads the bounds at its clock). */
function yearsFromToday(years: number): string {
  const d = app.context.clock();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

describe('dates are bounded to what they can mean (issue 10)', () => {
  it('"met on" is a day that has happened, from 1900 on: year 9999 and year 1 are refused, naming the field', async () => {
    app = openTempApp();
    for (const [metOn, message] of [
      ['9999-12-31', 'cannot be in the future'],
      [yearsFromToday(1), 'cannot be in the future'],
      ['0001-01-01', 'must be 1900-01-01 or later'],
      ['1899-12-31', 'must be 1900-01-01 or later'],
    ] as const) {
      const error = await refusal(app.api['contacts.create']({ displayName: 'Ada', metOn }));
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([{ path: 'metOn', message }]);
    }
    // Nothing half-written.
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(0);
    const ada = await app.api['contacts.create']({ displayName: 'Ada', metOn: '1900-01-01' });
    expect(ada.metOn).toBe('1900-01-01');
    const bad = await refusal(app.api['contacts.update']({ id: ada.id, patch: { metOn: '9999-12-31' } }));
    expect(bad.issues).toEqual([{ path: 'patch.metOn', message: 'cannot be in the future' }]);
    // One issue for a value that is not a date at all, not one per rule.
    const shape = await refusal(app.api['contacts.update']({ id: ada.id, patch: { metOn: 'Friday' } }));
    expect(shape.issues).toEqual([{ path: 'patch.metOn', message: 'must be a date as YYYY-MM-DD' }]);
  });

  it('plans (follow-ups, promises, next steps, meetings, events) are at most ten years ahead', async () => {
    app = openTempApp();
    const ada = await app.api['contacts.create']({ displayName: 'Ada' });
    const far = yearsFromToday(11);
    const within = 'must be within 10 years from today';
    const cases: [Promise<unknown>, string, string][] = [
      [app.api['followups.schedule']({ contactId: ada.id, dueOn: far }), 'dueOn', within],
      [
        app.api['promises.add']({ contactId: ada.id, direction: 'mine', text: 'Send it', dueOn: far }),
        'dueOn',
        within,
      ],
      [
        app.api['contacts.update']({ id: ada.id, patch: { nextStepDueOn: far } }),
        'patch.nextStepDueOn',
        within,
      ],
      [app.api['events.create']({ name: 'Summit', date: '9999-01-01' }), 'date', within],
      [
        app.api['followups.arrangeMeeting']({ contactId: ada.id, meetingAt: `${far}T10:00:00Z` }),
        'meetingAt',
        'must be within 10 years from now',
      ],
    ];
    for (const [call, path, message] of cases) {
      const error = await refusal(call);
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([{ path, message }]);
    }
    // Past events are fine; so is a follow-up next year.
    await app.api['events.create']({ name: 'Old meetup', date: '1999-06-01' });
    await app.api['followups.schedule']({ contactId: ada.id, dueOn: '2026-04-01' });
  });

  it('an interaction has happened; a calendar range may look far ahead, not a thousand years', async () => {
    app = openTempApp();
    const ada = await app.api['contacts.create']({ displayName: 'Ada' });
    const error = await refusal(
      app.api['interactions.add']({
        contactId: ada.id,
        occurredAt: `${yearsFromToday(1)}T10:00:00Z`,
        channel: 'email',
        direction: 'outbound',
        summary: 'Sent the deck',
      }),
    );
    expect(error.issues).toEqual([{ path: 'occurredAt', message: 'cannot be in the future' }]);
    const range = await app.api['calendar.range']({ from: '2090-01-01', to: '2090-01-31' });
    expect(range.items).toEqual([]);
    const beyond = await refusal(app.api['calendar.range']({ from: '2900-01-01', to: '2900-01-31' }));
    expect(beyond.issues?.map((i) => i.path)).toEqual(['from', 'to']);
  });
});

describe('settings say their range when they refuse a number (issue 10)', () => {
  it('a daily budget of 0, -5, 100000 or 2.5 is refused naming the field and the range', async () => {
    app = openTempApp();
    for (const dailyBudget of [0, -5, 100_000, 2.5]) {
      const error = await refusal(app.api['settings.update']({ caps: { dailyBudget } }));
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([
        { path: 'caps.dailyBudget', message: 'must be a whole number from 1 to 200' },
      ]);
    }
    expect((await app.api['settings.get']({})).caps.dailyBudget).toBe(10);
    const saved = await app.api['settings.update']({ caps: { dailyBudget: 25 } });
    expect(saved.caps.dailyBudget).toBe(25);
  });
});

describe('relative bounds follow the app clock, not the machine', () => {
  it('reads "cannot be in the future" at the injected moment (--now, the test clock)', async () => {
    const later = openTempApp('2030-01-10T12:00:00.000Z');
    try {
      // After the machine's today, but the app's yesterday: accepted.
      const met = await later.context.dispatch('contacts.create', {
        displayName: 'Ada',
        metOn: '2030-01-09',
      });
      expect(met.ok).toBe(true);
      const future = await later.context.dispatch('contacts.create', {
        displayName: 'Bea',
        metOn: '2030-01-20',
      });
      expect(future).toMatchObject({
        ok: false,
        error: { issues: [{ path: 'metOn', message: 'cannot be in the future' }] },
      });
    } finally {
      later.cleanup();
    }
  });
});
