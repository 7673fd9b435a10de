import { afterEach, describe, expect, it } from 'vitest';
import { type DatedText, readDated } from '../../../src/shared/format/dated-text.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { allSteps, berlinApp, brief, openSteps } from './helpers.ts';

// 2026-11-16 is a Monday. Berlin is UTC+1 in November, so 09:00 local is 08:00Z.
let app: TempApp;
afterEach(() => app?.cleanup());

/** A reason as a British reader in Berlin reads it in November 2026. */
const gb = (text: DatedText | null | undefined) =>
  text ? readDated(text, { locale: 'en-GB', today: '2026-11-16', timeZone: 'Europe/Berlin' }) : text;

const capture = (name: string, extra: Record<string, unknown> = {}) =>
  app.api['contacts.create']({ displayName: name, ...extra });

describe('met someone', () => {
  it('plans a refresher the next working day at the follow-up hour, naming where you met', async () => {
    app = berlinApp('2026-11-16T17:00:00Z');
    const ada = await capture('Ada', {
      metOn: '2026-11-16',
      metWhere: 'Web Summit',
      discussed: 'analytical engines',
    });
    const [step] = await openSteps(app, ada.id);
    expect(step).toMatchObject({
      purpose: 'refresher',
      playbook: 'met',
      dueOn: '2026-11-17',
      dueAt: '2026-11-17T08:00:00.000Z',
    });
    expect(gb(step?.reason)).toBe(
      'You met at Web Summit on 16 Nov. A short thank-you that names what you talked about, while it is fresh.',
    );
    expect(step?.context).toContain('analytical engines');
  });

  it('moves a refresher that would fall on the weekend to Monday', async () => {
    app = berlinApp('2026-11-20T17:00:00Z'); // Friday
    const c = await capture('Fri', { metOn: '2026-11-20' });
    expect(brief(await openSteps(app, c.id))).toEqual(['refresher@2026-11-23:pending']);
  });

  it('offers a re-engagement step, not a refresher, for someone met long ago', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Old', { metOn: '2026-06-01', metWhere: 'a conference' });
    const [step] = await openSteps(app, c.id);
    expect(step).toMatchObject({ purpose: 'reengage', dueOn: '2026-11-16' });
    expect(step?.reason).toMatch(/never too late/);
  });

  it('plans nothing for a contact without a "met on" day', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Unknown');
    expect(await openSteps(app, c.id)).toEqual([]);
  });
});

describe('no reply', () => {
  it('goes refresher → second a week later → ends "no response" at least 3 days on → one long-term check-in', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Silent', { metOn: '2026-11-16' });
    const [refresher] = await openSteps(app, c.id);
    app.setNow('2026-11-17T09:00:00Z');
    const done = await app.api['followups.done']({ id: refresher!.id });
    expect(done.interaction).toMatchObject({
      direction: 'outbound',
      summary: 'Sent a thank-you after we met',
    });
    expect(done.next).toMatchObject({ purpose: 'second', dueOn: '2026-11-24' });
    expect(gb(done.next?.reason)).toContain('No reply to your message of 17 Nov.');

    app.setNow('2026-11-24T09:00:00Z');
    await app.api['followups.done']({ id: done.next!.id });
    expect(await openSteps(app, c.id)).toEqual([]);
    // Two days later the cycle still waits; three days later it has ended.
    app.setNow('2026-11-26T09:00:00Z');
    await app.api['followups.today']({});
    expect((await app.api['contacts.get']({ id: c.id })).noResponseSince).toBeNull();
    app.setNow('2026-11-27T09:00:00Z');
    await app.api['followups.today']({});
    expect((await app.api['contacts.get']({ id: c.id })).noResponseSince).toBe('2026-11-27');
    const [longTerm] = await openSteps(app, c.id);
    expect(longTerm).toMatchObject({ purpose: 'long_term', playbook: 'long_term' });
    expect(longTerm!.dueOn >= '2027-02-25').toBe(true);

    // The long-term check-in also goes unanswered: the chain ends there, nothing more is planned.
    app.setNow(`${longTerm!.dueOn}T09:00:00Z`);
    const second = (await app.api['followups.done']({ id: longTerm!.id })).next!;
    app.setNow(`${second.dueOn}T09:00:00Z`);
    await app.api['followups.done']({ id: second.id });
    app.setNow('2027-12-31T09:00:00Z');
    await app.api['followups.today']({});
    expect(await openSteps(app, c.id)).toEqual([]);
    const cycles = app.context.db
      .prepare('SELECT status, ending FROM cycles WHERE contact_id = ? ORDER BY id')
      .all(c.id);
    expect(cycles).toEqual([
      { status: 'ended', ending: 'no_response' },
      { status: 'ended', ending: 'no_response' },
    ]);
  });

  it('starts waiting for a reply when you write to someone with no cycle running', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Pen pal');
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'email',
      direction: 'outbound',
      summary: 'Hello',
    });
    expect(brief(await openSteps(app, c.id))).toEqual(['second@2026-11-23:pending']);
  });

  it('treats a message you log yourself as doing the open nudge', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Manual', { metOn: '2026-11-16' });
    app.setNow('2026-11-17T12:00:00Z');
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'linkedin',
      direction: 'outbound',
      summary: 'Thanks!',
    });
    expect(brief(await allSteps(app, c.id))).toEqual([
      'refresher@2026-11-17:done',
      'second@2026-11-24:pending',
    ]);
  });
});

describe('a reply', () => {
  it.each([
    ['email', 'inbound', 'They replied'],
    ['call', 'outbound', 'You spoke'],
  ] as const)('by %s (%s) cancels the waiting nudges and says so', async (channel, direction, words) => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Replier', { metOn: '2026-11-16' });
    app.setNow('2026-11-17T09:00:00Z');
    const { next } = await app.api['followups.done']({ id: (await openSteps(app, c.id))[0]!.id });
    app.setNow('2026-11-19T15:00:00Z');
    await app.api['interactions.add']({
      contactId: c.id,
      channel,
      direction,
      summary: 'Great to hear from you',
    });
    const steps = await allSteps(app, c.id);
    expect(steps.find((s) => s.id === next!.id)).toMatchObject({ status: 'cancelled' });
    expect(gb(steps.find((s) => s.id === next!.id)?.cancelReason)).toBe(`${words} on 19 Nov.`);
    expect(await openSteps(app, c.id)).toEqual([]);
  });

  it('does not cancel a meeting confirmation or my own promise', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Busy');
    await app.api['followups.arrangeMeeting']({ contactId: c.id, meetingAt: '2026-11-26T14:00:00+01:00' });
    await app.api['promises.add']({
      contactId: c.id,
      direction: 'mine',
      text: 'Send the deck',
      dueOn: '2026-11-18',
    });
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'email',
      direction: 'inbound',
      summary: 'See you then',
    });
    expect(brief(await openSteps(app, c.id)).sort()).toEqual([
      'confirmation@2026-11-25:pending',
      'promise_mine@2026-11-18:pending',
    ]);
  });
});

describe('meetings', () => {
  it('plans a confirmation the day before', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Meet');
    const r = await app.api['followups.arrangeMeeting']({
      contactId: c.id,
      meetingAt: '2026-11-19T10:00:00+01:00',
      note: 'Café Kranzler',
    });
    expect(r.followUp).toMatchObject({ purpose: 'confirmation', dueOn: '2026-11-18' });
    expect(gb(r.followUp?.reason)).toMatch(/^Meeting Thu 19 Nov at 10:00\. Confirm the day before/);
  });

  it('skips the confirmation when the meeting was arranged the day before', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Soon');
    const r = await app.api['followups.arrangeMeeting']({
      contactId: c.id,
      meetingAt: '2026-11-17T10:00:00+01:00',
    });
    expect(r.followUp).toBeNull();
    expect(r.reason).toMatch(/arranging it was the confirmation/);
  });

  it('confirms a Monday meeting on the Friday before (no prompts on days off)', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Monday');
    const r = await app.api['followups.arrangeMeeting']({
      contactId: c.id,
      meetingAt: '2026-11-23T10:00:00+01:00',
    });
    expect(r.followUp?.dueOn).toBe('2026-11-20');
  });

  it('refuses a meeting in the past', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Past');
    await expect(
      app.api['followups.arrangeMeeting']({ contactId: c.id, meetingAt: '2026-11-01T10:00:00Z' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('they helped me', () => {
  it('plans a thank-you within a day and completes the cycle when done', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Helper');
    const r = await app.api['followups.thank']({ contactId: c.id, note: 'Introduced me to their CTO' });
    expect(r.followUp).toMatchObject({ purpose: 'thank_you', dueOn: '2026-11-17' });
    expect(r.followUp?.reason).toContain('Introduced me to their CTO');
    const done = await app.api['followups.done']({ id: r.followUp!.id });
    expect(done.next).toBeNull();
  });
});

describe('keep in touch', () => {
  it('plans a check-in one cadence after the last interaction, and calls reset it', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Friend');
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'in_person',
      direction: 'outbound',
      summary: 'Lunch',
      occurredAt: '2026-11-02T12:00:00Z',
    });
    await app.api['contacts.update']({ id: c.id, patch: { cadenceDays: 30 } });
    expect(brief(await openSteps(app, c.id))).toEqual(['check_in@2026-12-02:pending']);
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'call',
      direction: 'inbound',
      summary: 'Quick call',
    });
    expect(brief(await openSteps(app, c.id))).toEqual(['check_in@2026-12-16:pending']);
    await app.api['contacts.update']({ id: c.id, patch: { cadenceDays: null } });
    expect(await openSteps(app, c.id)).toEqual([]);
  });

  it('takes the cadence from a tag, and the contact is "going cold" once the check-in is overdue', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Tagged', { tags: ['investor'] });
    await app.api['tags.update']({ name: 'investor', cadenceDays: 90 });
    const [checkIn] = await openSteps(app, c.id);
    expect(checkIn).toMatchObject({ purpose: 'check_in', dueOn: '2027-02-15' });
    app.setNow('2027-02-18T10:00:00Z');
    const today = await app.api['followups.today']({});
    expect(today.goingCold.map((g) => g.contactName)).toEqual(['Tagged']);
    expect(today.overdue.map((i) => i.contactName)).not.toContain('Tagged');
  });
});

describe('promises', () => {
  it('reminds me on the day of my promise and nudges them a day after theirs', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Partner');
    const mine = await app.api['promises.add']({
      contactId: c.id,
      direction: 'mine',
      text: 'Intro to Priya',
      dueOn: '2026-11-18',
    });
    await app.api['promises.add']({
      contactId: c.id,
      direction: 'theirs',
      text: 'Send the deck',
      dueOn: '2026-11-18',
    });
    const steps = await openSteps(app, c.id);
    expect(brief(steps)).toEqual(['promise_mine@2026-11-18:pending', 'promise_theirs@2026-11-19:pending']);
    expect(steps[0]!.priority).toBeLessThan(steps[1]!.priority);
    app.setNow('2026-11-18T09:00:00Z');
    const today = await app.api['followups.today']({});
    expect(today.promises.mine.map((p) => p.text)).toEqual(['Intro to Priya']);
    await app.api['promises.done']({ id: mine.id });
    expect(brief(await openSteps(app, c.id))).toEqual(['promise_theirs@2026-11-19:pending']);
  });
});

describe('pacing and urgency', () => {
  it.each([
    ['fast', '2026-11-20'],
    ['standard', '2026-11-23'],
    ['deliberate', '2026-11-27'],
  ] as const)('%s pacing scales the wait before the second follow-up', async (pacing, expected) => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Paced', { pacing });
    // Sent Monday 16th: 7 days ×0.5 → 4 (Fri 20th), ×1 → 7 (Mon 23rd), ×1.5 → 11 (Fri 27th).
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'email',
      direction: 'outbound',
      summary: 'Hi',
      occurredAt: '2026-11-16T09:00:00Z',
    });
    expect(brief(await openSteps(app, c.id))).toEqual([`second@${expected}:pending`]);
  });

  it('stores pacing, urgency and cadence set on an existing contact, and per tag', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Later set', { tags: ['finance'] });
    const u = await app.api['contacts.update']({
      id: c.id,
      patch: { urgent: true, pacing: 'deliberate', cadenceDays: 45 },
    });
    expect(u).toMatchObject({ urgent: true, pacing: 'deliberate', cadenceDays: 45 });
    expect(await app.api['tags.update']({ name: 'finance', pacing: 'deliberate', cadenceDays: 120 })).toEqual(
      {
        name: 'finance',
        count: 1,
        pacing: 'deliberate',
        cadenceDays: 120,
      },
    );
    expect(await app.api['contacts.tags']({})).toEqual([
      { name: 'finance', count: 1, pacing: 'deliberate', cadenceDays: 120 },
    ]);
  });

  it('urgent shortens the next step once, then is cleared', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Hurry', { urgent: true });
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'email',
      direction: 'outbound',
      summary: 'Hi',
      occurredAt: '2026-11-16T09:00:00Z',
    });
    expect(brief(await openSteps(app, c.id))).toEqual(['second@2026-11-20:pending']);
    expect((await app.api['contacts.get']({ id: c.id })).urgent).toBe(false);
  });
});

describe('caps and manual scheduling', () => {
  it('moves an automatic step past the minimum gap', async () => {
    app = berlinApp('2026-11-16T10:00:00Z', { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 10 } });
    const c = await capture('Capped');
    await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-17' });
    const r = await app.api['followups.thank']({ contactId: c.id });
    expect(r.followUp?.dueOn).toBe('2026-11-20');
  });

  it('allows a manual date that breaks a cap, with the warning shown', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Eager');
    await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-17' });
    const r = await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-18' });
    expect(r.warnings).toEqual(['only 1 day after another follow-up (minimum gap 3)']);
    expect(r.followUp.capWarning).toContain('minimum gap');
    const moved = await app.api['followups.reschedule']({ id: r.followUp.id, dueOn: '2026-11-21' });
    expect(moved.warnings).toEqual(['falls on one of your days off']);
  });

  it('plans nothing when a meeting confirmation would be over-following-up', async () => {
    app = berlinApp('2026-11-16T10:00:00Z', { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 10 } });
    const c = await capture('Crowded');
    await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-18' });
    const r = await app.api['followups.arrangeMeeting']({
      contactId: c.id,
      meetingAt: '2026-11-20T10:00:00+01:00',
    });
    expect(r.followUp).toBeNull();
    expect(r.reason).toMatch(/over-following-up/);
  });

  it('keeps the most important items within the daily budget; the rest wait', async () => {
    app = berlinApp('2026-11-16T06:00:00Z', { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 3 } });
    for (const name of ['A', 'B', 'C']) {
      const c = await capture(name);
      await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-16' });
    }
    const p = await capture('Promiser');
    await app.api['promises.add']({
      contactId: p.id,
      direction: 'mine',
      text: 'Call back',
      dueOn: '2026-11-16',
    });
    const today = await app.api['followups.today']({});
    expect(today.dueToday.map((i) => i.contactName)).toEqual(['Promiser', 'A', 'B']);
    expect(today.waiting.map((i) => i.contactName)).toEqual(['C']);
  });
});

describe('snooze, skip, stale and archive', () => {
  it('snoozes to tomorrow at the follow-up hour or next week, and refuses to close a step twice', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Later', { metOn: '2026-11-16' });
    const [step] = await openSteps(app, c.id);
    app.setNow('2026-11-17T09:00:00Z');
    expect(await app.api['followups.snooze']({ id: step!.id, preset: 'tomorrow' })).toMatchObject({
      status: 'snoozed',
      dueAt: '2026-11-18T08:00:00.000Z',
      snoozedUntil: '2026-11-18T08:00:00.000Z',
    });
    expect((await app.api['followups.snooze']({ id: step!.id, preset: '1h' })).dueAt).toBe(
      '2026-11-17T10:00:00.000Z',
    );
    expect((await app.api['followups.snooze']({ id: step!.id, preset: 'nextWeek' })).dueOn).toBe(
      '2026-11-24',
    );
    await app.api['followups.skip']({ id: step!.id });
    await expect(app.api['followups.done']({ id: step!.id })).rejects.toMatchObject({ code: 'conflict' });
    expect(await openSteps(app, c.id)).toEqual([]);
  });

  it('expires a step ignored for 60 days, ending its cycle', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Ignored', { metOn: '2026-11-16' });
    app.setNow('2027-01-20T10:00:00Z');
    await app.api['followups.today']({});
    expect(brief(await allSteps(app, c.id))).toEqual(['refresher@2026-11-17:skipped']);
  });

  it('archiving someone ends their follow-ups', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Gone', { metOn: '2026-11-16', cadenceDays: 30 });
    expect((await openSteps(app, c.id)).length).toBe(2);
    await app.api['contacts.setArchived']({ id: c.id, archived: true });
    expect(await openSteps(app, c.id)).toEqual([]);
  });
});

describe('time', () => {
  it('re-times open steps when the follow-up hour changes', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Hour', { metOn: '2026-11-16' });
    await app.api['settings.update']({ followUpHour: 14 });
    expect((await openSteps(app, c.id))[0]?.dueAt).toBe('2026-11-17T13:00:00.000Z');
  });

  it('keeps the follow-up hour across a DST change (Berlin, 29 March 2026)', async () => {
    app = berlinApp('2026-03-27T10:00:00Z'); // Friday, UTC+1; Monday 30 March is UTC+2
    const c = await capture('Spring', { metOn: '2026-03-27' });
    expect((await openSteps(app, c.id))[0]).toMatchObject({
      dueOn: '2026-03-30',
      dueAt: '2026-03-30T07:00:00.000Z',
    });
  });

  it('refuses the test clock outside test mode', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    await expect(app.api['testing.setNow']({ now: '2030-01-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('their time zone', () => {
  it('shows their local time and their next morning on Today items', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await capture('Tokyo friend', { timeZone: 'Asia/Tokyo' });
    await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-16' });
    const [item] = (await app.api['followups.today']({})).dueToday;
    // 10:00Z is 19:00 in Tokyo; their next 09:00 is 00:00Z on the 17th.
    expect(item).toMatchObject({
      theirTime: '19:00',
      theirTimeZone: 'Asia/Tokyo',
      theirMorning: '2026-11-17T00:00:00.000Z',
    });
  });
});
