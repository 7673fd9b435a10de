import { countSms } from '../../../shared/compose/sms.ts';
import type { ComposeChannel } from '../../../shared/domain/compose.ts';
import { plural } from '../format/text.ts';

// A word as main's check counts one (main/compose/check/words.ts): inner apostrophes and hyphens kept.
const WORD = /[\p{L}\p{N}]+(?:['’‐‑-][\p{L}\p{N}]+)*/gu;

/**
 * The count under the text, worked out here on every keystroke (the check's answer comes a
 * moment later), counted as main's length check counts: SMS units and segments for a text,
 * UTF-16 units for LinkedIn (its text box's maxlength), words elsewhere.
 */
export function lengthCount(channel: ComposeChannel, body: string, limit: number | null): string {
  if (channel === 'text') {
    const sms = countSms(body);
    // Past one text the limit no longer applies as such: say how many texts it takes instead.
    return sms.segments > 1
      ? `${plural(sms.units, 'character')} · ${plural(sms.segments, 'text')}`
      : `${sms.units.toLocaleString()} / ${sms.singleLimit} characters · 1 text`;
  }
  if (channel === 'linkedin') {
    return limit
      ? `${body.length.toLocaleString()} / ${limit} characters`
      : `${plural(body.length, 'character')}`;
  }
  const words = body.match(WORD)?.length ?? 0;
  return `${plural(words, 'word')} · ${plural(Array.from(body).length, 'character')}`;
}

/** Over the channel's hard limit (LinkedIn's note, more than two texts): the count says so in colour. */
export function isOverLimit(channel: ComposeChannel, body: string, limit: number | null): boolean {
  if (channel === 'text') return countSms(body).segments > 2;
  if (channel === 'linkedin') return limit !== null && body.length > limit;
  return false;
}
