// Runs under several TZ values (npm run test:tz). The engine follows the system zone here
// (settings.timeZone null), as the desktop app does by default.
import { afterEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let app: TempApp;
afterEach(() => app?.cleanup());

/** A local wall-clock time in the process's zone as an ISO instant. */
const local = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h, 0).toISOString();

// Days around each zone's 2026 DST changes (and ordinary days for zones without DST).
const DAYS: [number, number, number][] = [
  [2026, 3, 6], // Fri before New York springs forward (Sun 8 Mar)
  [2026, 3, 27], // Fri before Berlin springs forward (Sun 29 Mar)
  [2026, 4, 3], // Fri before Sydney falls back (Sun 5 Apr)
  [2026, 10, 2], // Fri before Sydney springs forward (Sun 4 Oct)
  [2026, 10, 23], // Fri before Berlin falls back (Sun 25 Oct)
  [2026, 10, 30], // Fri before New York falls back (Sun 1 Nov)
];

describe(`follow-up times in ${zone}`, () => {
  it.each(DAYS)(
    'a contact met on Friday %i-%i-%i gets the refresher on Monday at 09:00 local',
    async (y, m, d) => {
      app = openTempApp(local(y, m, d, 17), { timeZone: null, followUpHour: 9 });
      const met = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const c = await app.api['contacts.create']({ displayName: 'Weekend', metOn: met });
      const [step] = await app.api['followups.list']({ contactId: c.id });
      const due = new Date(step!.dueAt);
      expect(due.getDay()).toBe(1);
      expect(due.getHours()).toBe(9);
      expect(due.getMinutes()).toBe(0);
      expect(step!.dueOn).toBe(
        `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`,
      );
    },
  );

  it('snoozing to tomorrow lands at the follow-up hour of the next local day, late in the evening too', async () => {
    app = openTempApp(local(2026, 3, 28, 23), { timeZone: null, followUpHour: 9 });
    const c = await app.api['contacts.create']({ displayName: 'Late' });
    const { followUp } = await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-03-28' });
    const snoozed = await app.api['followups.snooze']({ id: followUp.id, preset: 'tomorrow' });
    const due = new Date(snoozed.dueAt);
    expect([due.getDate(), due.getHours()]).toEqual([29, 9]);
  });
});
