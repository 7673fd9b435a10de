import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

/** The instant a wall-clock time on a local day has in `zone`. */
const at = (day: string, time: string, zone: string) =>
  new Date(
    Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).epochMilliseconds,
  ).toISOString();
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

let app: TempApp | null = null;
afterEach(() => {
  app?.cleanup();
  app = null;
});

// Each zone's spring-forward night falls after its DST meeting day, so the 48 hours after the
// meeting day are 47 real hours there.
const ZONES = [
  { zone: 'Europe/Berlin', dstDay: '2026-03-28' },
  { zone: 'America/New_York', dstDay: '2026-03-07' },
];

describe.each(ZONES)('follow-through in $zone', ({ zone, dstDay }) => {
  it('counts the first message by local days after the meeting day, at the edges and across DST', async () => {
    app = openTempApp('2026-04-20T12:00:00.000Z', { timeZone: zone });
    const api = app.api;
    const person = async (
      name: string,
      metOn: string,
      outbound: string[],
      extra: Partial<{ tags: string[]; metEventId: number }> = {},
    ) => {
      const c = await api['contacts.create']({ displayName: name, metOn, ...extra });
      for (const occurredAt of outbound)
        await api['interactions.add']({
          contactId: c.id,
          occurredAt,
          channel: 'email',
          direction: 'outbound',
          summary: 'Hello',
        });
      return c;
    };
    // On the meeting day itself: 0 hours.
    await person('Same day', '2026-03-01', [at('2026-03-01', '20:00', zone)]);
    // Exactly 48 h after the meeting day ended: the third day, so not within 48 h.
    await person('At 48 h', '2026-03-01', [at('2026-03-04', '00:00', zone)]);
    await person('Just before 48 h', '2026-03-01', [at('2026-03-03', '23:59:59.999', zone)]);
    // Across the DST change: late on the second day is 46.5 real hours, and within 48 h ...
    await person('DST second day', dstDay, [
      at(Temporal.PlainDate.from(dstDay).add({ days: 2 }).toString(), '23:30', zone),
    ]);
    // ... and half past midnight on the third day is 47.5 real hours, yet not within 48 h.
    await person('DST third day', dstDay, [
      at(Temporal.PlainDate.from(dstDay).add({ days: 3 }).toString(), '00:30', zone),
    ]);
    // Never: only they wrote; and a message before the meeting day is not a follow-up.
    const heard = await person('Only inbound', '2026-03-01', []);
    await api['interactions.add']({
      contactId: heard.id,
      occurredAt: at('2026-03-02', '10:00', zone),
      channel: 'email',
      direction: 'inbound',
      summary: 'Nice to meet you',
    });
    await person('Written before', '2026-03-10', [at('2026-02-15', '10:00', zone)]);
    // Outside the period.
    await person('Met earlier', '2026-02-20', [at('2026-02-20', '21:00', zone)]);
    // Imported, not reviewed: left out, and said so.
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ivy Imported\r\nEMAIL:ivy@example.com\r\nEND:VCARD\r\n';
    const preview = await api['imports.preview']({ fileName: 'people.vcf', content: b64(vcard) });
    await api['imports.commit']({ previewId: preview.previewId });

    const report = await api['insights.report']({ from: '2026-03-01', to: '2026-04-20' });
    expect(report.period).toEqual({ from: '2026-03-01', to: '2026-04-20', timeZone: zone });
    expect(report.followThrough).toEqual({
      met: 7,
      within24h: 1,
      within48h: 3,
      within7d: 5,
      never: 2,
      // 0, 46.5, 47.5, 48 (47.99999…), 48
      medianHours: 47.5,
    });
    expect(report.excluded).toEqual({ unreviewedImports: 1 });
  });
});

describe('follow-through filters', () => {
  it('keeps only the tag or the event asked for, and the period defaults to everything up to today', async () => {
    const zone = 'Europe/Berlin';
    app = openTempApp('2026-04-20T12:00:00.000Z', { timeZone: zone });
    const api = app.api;
    const event = await api['events.create']({ name: 'Summit', date: '2026-04-01' });
    const a = await api['contacts.create']({
      displayName: 'Tagged',
      metOn: '2026-04-01',
      tags: ['investor'],
    });
    await api['contacts.create']({ displayName: 'At the summit', metOn: '2026-04-01', metEventId: event.id });
    await api['contacts.create']({ displayName: 'Long ago', metOn: '2020-05-05' });
    await api['interactions.add']({
      contactId: a.id,
      occurredAt: at('2026-04-02', '09:00', zone),
      channel: 'linkedin',
      direction: 'outbound',
      summary: 'Hi',
    });

    const byTag = await api['insights.report']({ tag: 'Investor' });
    expect(byTag.followThrough).toMatchObject({ met: 1, within24h: 1, never: 0, medianHours: 9 });
    expect(byTag.filters).toEqual({ tag: 'Investor', eventId: null });
    const byEvent = await api['insights.report']({ eventId: event.id });
    expect(byEvent.followThrough).toMatchObject({ met: 1, within7d: 0, never: 1, medianHours: null });
    const all = await api['insights.report']({});
    expect(all.period).toEqual({ from: null, to: '2026-04-20', timeZone: zone });
    expect(all.followThrough.met).toBe(3);
    await expect(api['insights.report']({ from: '2026-04-02', to: '2026-04-01' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
