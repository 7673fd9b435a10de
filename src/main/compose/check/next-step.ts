import type { CheckItem } from '../../../shared/domain/compose.ts';

/**
 * A concrete next step is something the reader can answer or act on: a day or time, a link, or
 * at least a question. The patterns are English, like the templates.
 */

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';

// Abbreviated weekdays only where they cannot be ordinary words ("sat", "sun" are left out).
const WHEN: readonly RegExp[] = [
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)\b/i,
  /\b(?:tomorrow|tonight|this\s+(?:morning|afternoon|evening|week|weekend)|next\s+(?:week|month|monday|tuesday|wednesday|thursday|friday)|later\s+this\s+week|end\s+of\s+(?:the\s+)?(?:week|month)|(?:over\s+)?the\s+weekend)\b/i,
  /\b(?:[01]?\d|2[0-3])[:.h][0-5]\d\b/i,
  /\b(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)/i,
  /\b(?:noon|midday)\b/i,
  new RegExp(`\\b${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\b`, 'i'),
  new RegExp(`\\b${MONTH}\\.?\\s+${ORDINAL}\\b`, 'i'),
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/,
];

const LINK = /\bhttps?:\/\/\S+|\bwww\.[^\s.]+\.\S+/i;

export function checkNextStep(text: string): CheckItem {
  for (const pattern of WHEN) {
    const found = pattern.exec(text);
    if (found) return { id: 'next_step', ok: true, message: `Proposes a time (“${found[0].trim()}”)` };
  }
  if (LINK.test(text)) return { id: 'next_step', ok: true, message: 'Includes a link to act on' };
  if (/[?？¿]/.test(text)) return { id: 'next_step', ok: true, message: 'Asks a question they can answer' };
  return {
    id: 'next_step',
    ok: false,
    message: 'No concrete next step: ask a question, propose a day or time, or add a link',
  };
}
