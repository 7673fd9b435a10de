import { describe, expect, it } from 'vitest';
import {
  groupIntoNotices,
  pickWithinBudget,
  type ReminderNotice,
} from '../../../src/main/reminders/notice.ts';
import {
  noticeText,
  reminderAction,
  shorten,
  terminalLine,
} from '../../../src/main/reminders/notice-text.ts';
import type { DueReminder } from '../../../src/main/reminders/reminder-source.ts';
import { PURPOSES } from '../../../src/shared/domain/followup.ts';
import { type DatedReading, dated, day, instant, plainText } from '../../../src/shared/format/dated-text.ts';

const item = (id: number, extra: Partial<DueReminder> = {}): DueReminder => ({
  id,
  contactId: 10 + id,
  contactName: `Person ${id}`,
  purpose: 'refresher',
  reason: plainText('You met at Web Summit yesterday'),
  context: null,
  dueAt: `2026-03-10T09:0${id}:00.000Z`,
  priority: 5,
  ...extra,
});

describe('grouping', () => {
  it('keeps one reminder single and groups several into a digest', () => {
    expect(groupIntoNotices([item(1)], { dailyDigest: true })).toEqual([
      { kind: 'single', items: [item(1)] },
    ]);
    expect(groupIntoNotices([item(1), item(2)], { dailyDigest: true })).toEqual([
      { kind: 'digest', items: [item(1), item(2)] },
    ]);
    expect(groupIntoNotices([item(1), item(2)], { dailyDigest: false }).map((n) => n.kind)).toEqual([
      'single',
      'single',
    ]);
    expect(groupIntoNotices([], { dailyDigest: true })).toEqual([]);
  });

  it('picks the most important within the budget and returns them oldest first', () => {
    const due = [item(1, { priority: 3 }), item(2, { priority: 1 }), item(3, { priority: 2 }), item(4)];
    expect(pickWithinBudget(due, 2).map((r) => r.id)).toEqual([2, 3]);
    expect(pickWithinBudget(due, 10).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(pickWithinBudget(due, 0)).toEqual([]);
    expect(pickWithinBudget(due, -3)).toEqual([]);
  });
});

const reading = (locale: string, timeZone = 'UTC'): DatedReading => ({
  locale,
  today: '2026-03-10',
  timeZone,
});
const gb = reading('en-GB');

describe('wording', () => {
  it('has words for every purpose', () => {
    for (const purpose of PURPOSES) {
      expect(reminderAction({ purpose, contactName: 'Ada' })).toContain('Ada');
    }
  });

  it('says who, why and what to mention in a single notification', () => {
    const text = noticeText(
      {
        kind: 'single',
        items: [
          item(1, { purpose: 'thank_you', contactName: 'Ada Lovelace', context: 'the Bernoulli notes' }),
        ],
      },
      gb,
    );
    expect(text).toEqual({
      title: 'Thank Ada Lovelace',
      body: 'You met at Web Summit yesterday\nMention: the Bernoulli notes',
    });
  });

  it('lists the first few in a digest and counts the rest', () => {
    const text = noticeText({ kind: 'digest', items: [1, 2, 3, 4, 5].map((id) => item(id)) }, gb);
    expect(text.title).toBe('5 follow-ups due');
    expect(text.body.split('\n')).toEqual([
      'Follow up with Person 1',
      'Follow up with Person 2',
      'Follow up with Person 3',
      '…and 2 more',
    ]);
  });

  it('writes one terminal line per notice, in the given zone', () => {
    const at = new Date('2026-03-10T09:05:00Z');
    expect(terminalLine({ kind: 'single', items: [item(1)] }, at, reading('en-GB', 'Asia/Tokyo'))).toBe(
      '[18:05] Follow up with Person 1: You met at Web Summit yesterday\n',
    );
    const line = terminalLine({ kind: 'digest', items: [item(1), item(2)] }, at, gb);
    expect(line).toBe('[09:05] 2 follow-ups due: Person 1, Person 2\n');
    expect(line.trimEnd()).not.toContain('\n');
  });

  it('writes a reason’s days in the reader’s locale, never its marks', () => {
    const reason = dated`You met on ${day('2026-03-08')}. Meeting ${instant('2026-03-11T09:30:00Z')}.`;
    const single: ReminderNotice = { kind: 'single', items: [item(1, { reason })] };
    expect(noticeText(single, gb).body).toBe('You met on 8 Mar. Meeting Wed 11 Mar at 09:30.');
    expect(noticeText(single, reading('en-US')).body).toMatch(
      /^You met on Mar 8\. Meeting Wed, Mar 11 at 9:30\sAM\.$/,
    );
    expect(noticeText(single, reading('de-DE')).body).toMatch(
      /^You met on 8\. März\. Meeting Mi\., 11\. März at 09:30\.$/,
    );
    const at = new Date('2026-03-10T21:05:00Z');
    expect(terminalLine(single, at, reading('en-US', 'America/New_York'))).toMatch(
      /^\[5:05\sPM\] Follow up with Person 1: You met on Mar 8\. Meeting Wed, Mar 11 at 5:30\sAM\.\n$/,
    );
    for (const locale of ['en-GB', 'en-US', 'de-DE'])
      expect(noticeText(single, reading(locale)).body).not.toMatch(/[{}]|\d{4}-\d{2}/);
  });

  it('shortens at a word', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(shorten('abcdefghijklmnop', 8)).toBe('abcdefg…');
  });
});
