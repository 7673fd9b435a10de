import type { Purpose } from '../../shared/domain/followup.ts';
import { type DatedReading, readDated } from '../../shared/format/dated-text.ts';
import { dateWriter } from '../../shared/format/dates.ts';
import type { ReminderNotice } from './notice.ts';
import type { DueReminder } from './reminder-source.ts';

/**
 * The words of a reminder, shared by the desktop notification, the tray menu and the terminal
 * line of the browser shell. A Record, so a new purpose fails to compile until it has words.
 */
const ACTIONS: Record<Purpose, (name: string) => string> = {
  refresher: (name) => `Follow up with ${name}`,
  second: (name) => `Follow up again with ${name}`,
  confirmation: (name) => `Confirm your meeting with ${name}`,
  thank_you: (name) => `Thank ${name}`,
  check_in: (name) => `Check in with ${name}`,
  reengage: (name) => `Reconnect with ${name}`,
  long_term: (name) => `Check in with ${name}`,
  promise_mine: (name) => `Keep your promise to ${name}`,
  promise_theirs: (name) => `Nudge ${name} about their promise`,
  manual: (name) => `Follow up with ${name}`,
};

export function reminderAction(item: Pick<DueReminder, 'purpose' | 'contactName'>): string {
  const action = Object.hasOwn(ACTIONS, item.purpose) ? ACTIONS[item.purpose] : ACTIONS.manual;
  return action(item.contactName);
}

/** Notification centres cut long bodies anyway; cutting here keeps the cut at a word. */
const MAX_CONTEXT = 140;
const DIGEST_LINES = 3;

export interface NoticeText {
  title: string;
  body: string;
}

/** The words of a notice; its days in the reader's locale (main's: the system's). */
export function noticeText(notice: ReminderNotice, reading: DatedReading): NoticeText {
  if (notice.kind === 'single') {
    const [item] = notice.items;
    const mention = item.context ? `\nMention: ${shorten(item.context, MAX_CONTEXT)}` : '';
    return { title: reminderAction(item), body: `${readDated(item.reason, reading)}${mention}` };
  }
  const lines = notice.items.slice(0, DIGEST_LINES).map((item) => reminderAction(item));
  const more = notice.items.length - lines.length;
  if (more > 0) lines.push(`…and ${more} more`);
  return { title: `${notice.items.length} follow-ups due`, body: lines.join('\n') };
}

/**
 * One line for a terminal: the browser shell has no notification centre of its own. The time is
 * shown in the reading's zone (the user's, the one working hours are counted in) and locale.
 */
export function terminalLine(notice: ReminderNotice, at: Date, reading: DatedReading): string {
  const time = dateWriter(reading.locale).time(at, reading.timeZone);
  const { title } = noticeText(notice, reading);
  const detail =
    notice.kind === 'single'
      ? readDated(notice.items[0].reason, reading)
      : notice.items.map((item) => item.contactName).join(', ');
  return `[${time}] ${title}: ${shorten(detail.replace(/\s+/g, ' '), 200)}\n`;
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}
