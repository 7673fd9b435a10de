import { describe, expect, it } from 'vitest';
import { servedDatabase } from '../../helpers/served-database.ts';

// `serve` used to start the daily backup (which holds the write gate) before the reminder
// scheduler, so the scheduler's first pass, the one that re-times every open step after a zone
// change, was skipped for good: a refresher planned for 09:00 in New York stayed at 14:00Z when
// the app next started in Berlin.

const served = servedDatabase();

const localTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

interface Step {
  id: number;
  dueAt: string;
}

describe('a restart in another time zone', () => {
  it('re-times open steps to the follow-up hour in the new zone, although the daily backup runs first', {
    timeout: 60_000,
  }, async () => {
    let server = await served.start({ timeZone: 'America/New_York' });
    // Met today (the server runs on the real clock): the refresher is planned for the next
    // working day at the follow-up hour, 09:00 in New York.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const ada = await server.call<{ id: number }>('contacts.create', {
      displayName: 'Ada Lovelace',
      metOn: today,
    });
    const [planned] = await server.call<Step[]>('followups.list', { contactId: ada.id });
    expect(localTime(planned!.dueAt, 'America/New_York')).toBe('09:00');
    server = await served.start({ timeZone: 'Europe/Berlin' });
    const s = server;
    let step: Step | undefined;
    for (let tries = 0; tries < 100; tries++) {
      [step] = await s.call<Step[]>('followups.list', { contactId: ada.id });
      if (step && step.dueAt !== planned!.dueAt) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(step?.id).toBe(planned!.id);
    expect(localTime(step!.dueAt, 'Europe/Berlin')).toBe('09:00');
    // The same local day as planned, only in the new zone.
    expect(step!.dueAt.slice(0, 10)).toBe(planned!.dueAt.slice(0, 10));
  });
});
