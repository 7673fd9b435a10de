// Runs under several TZ values (npm run test:tz): what a synced message does to a cycle depends
// on the user's local day, not the machine's nor UTC's. The ingest is fed headers directly (the
// Dovecot tests cover the IMAP side), on days when the clocks change.
import { afterEach, describe, expect, it } from 'vitest';
import { createMailIngest } from '../../../src/main/mail/ingest.ts';
import type { MessageHeaders } from '../../../src/main/mail/message-headers.ts';
import { addDays, atLocalHour } from '../../../src/main/time/local-day.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

/** Zones and the day their clocks change in autumn 2026 (Auckland's spring). */
const CASES = [
  { timeZone: 'Pacific/Auckland', day: '2026-09-27' },
  { timeZone: 'America/Los_Angeles', day: '2026-11-01' },
  { timeZone: 'Europe/Berlin', day: '2026-10-25' },
  { timeZone: 'Asia/Kolkata', day: '2026-10-25' },
];

const ME = 'me@example.test';
const at = (day: string, hour: number, minute: number, timeZone: string) =>
  new Date(atLocalHour(day, hour, timeZone).getTime() + minute * 60_000).toISOString();

function headers(id: string, from: string, to: string, date: string, subject: string): MessageHeaders {
  return {
    messageId: id,
    from: [{ address: from, name: null }],
    to: [{ address: to, name: null }],
    cc: [],
    date,
    subject,
    inReplyTo: null,
    references: [],
  };
}

describe.each(CASES)('mail and the cycles in $timeZone', ({ timeZone, day }) => {
  it('counts from the local midnight of the day we met, and days are local', async () => {
    app = openTempApp(at(day, 12, 0, timeZone), {
      timeZone,
      followUpHour: 9,
      workingDays: [0, 1, 2, 3, 4, 5, 6],
    });
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
      metOn: day,
    });
    app.setNow(at(addDays(day, 1), 12, 0, timeZone));
    const ingest = createMailIngest(app.context, { myAddresses: [ME] });
    const record = (h: MessageHeaders) =>
      ingest.record([{ headers: h, seen: null, inSentFolder: false, receivedAt: null }]);

    // Half an hour before that midnight, the evening before we met: not an answer to anything.
    record(headers('early@x', 'ada@example.com', ME, at(addDays(day, -1), 23, 30, timeZone), 'Before'));
    expect(await ingest.react()).toEqual({ replies: 0, stepsCompleted: 0, nudgesCancelled: 0 });
    const open = () => app.api['followups.list']({ contactId: ada.id, statuses: ['pending'] });
    expect((await open()).map((s) => `${s.purpose}@${s.dueOn}`)).toEqual([`refresher@${addDays(day, 1)}`]);

    // Late that evening I wrote: the refresher (due next morning) is done, the second planned a
    // week after that local day.
    record(headers('thanks@x', ME, 'ada@example.com', at(day, 23, 50, timeZone), 'Thanks'));
    expect(await ingest.react()).toEqual({ replies: 0, stepsCompleted: 1, nudgesCancelled: 0 });
    const [second] = await open();
    expect(second).toMatchObject({ purpose: 'second', dueOn: addDays(day, 7) });
    expect(second?.reason).toContain(`No reply to your message of {d:${day}}.`);

    // Twenty minutes later, past local midnight, she answered: the second is cancelled that day.
    record(headers('reply@x', 'ada@example.com', ME, at(addDays(day, 1), 0, 10, timeZone), 'Re: Thanks'));
    expect(await ingest.react()).toEqual({ replies: 1, stepsCompleted: 0, nudgesCancelled: 1 });
    expect(await open()).toEqual([]);
    const [cancelled] = await app.api['followups.list']({ contactId: ada.id, statuses: ['cancelled'] });
    expect(cancelled?.cancelReason).toBe(`They replied by e-mail on {d:${addDays(day, 1)}}.`);
  });
});
