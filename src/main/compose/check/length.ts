import { countSms } from '../../../shared/compose/sms.ts';
import type { CheckItem, ComposeChannel, LengthInfo } from '../../../shared/domain/compose.ts';
import { countWords } from './words.ts';

/** A connection request's note: LinkedIn cuts it at 300 characters. */
export const LINKEDIN_NOTE_LIMIT = 300;
/** Past this an e-mail follow-up stops being read in one glance; advice, not a limit. */
export const EMAIL_WORDS = 200;
/** About a minute of talking at 150 words a minute: talking points, not a script. */
export const CALL_WORDS = 150;
/** What fits on an A6 or 4×6 inch card in a legible hand. */
export const NOTE_WORDS = 100;
/** Two segments still read as one text; a third makes it an e-mail sent by SMS. */
export const TEXT_SEGMENTS = 2;

export type LinkedinKind = 'note' | 'message';

export interface LengthCheck {
  item: CheckItem;
  length: LengthInfo;
}

const n = (count: number) => count.toLocaleString('en');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

export function checkLength(channel: ComposeChannel, body: string, linkedinKind: LinkedinKind): LengthCheck {
  switch (channel) {
    case 'linkedin':
      return linkedin(body, linkedinKind);
    case 'text':
      return text(body);
    case 'email':
      return byWords(body, EMAIL_WORDS, (w) =>
        w <= EMAIL_WORDS
          ? `${plural(w, 'word')}: short enough to read at a glance`
          : `${plural(w, 'word')}: a follow-up reads best under ${EMAIL_WORDS}; cut to the point`,
      );
    case 'call':
      return byWords(body, CALL_WORDS, (w) => {
        const seconds = Math.max(5, Math.round(((w / CALL_WORDS) * 60) / 5) * 5);
        const said = seconds < 90 ? `about ${seconds} seconds` : `about ${Math.round(seconds / 60)} minutes`;
        return w <= CALL_WORDS
          ? `${plural(w, 'word')} of talking points, ${said} to say`
          : `${plural(w, 'word')}, ${said} to say: keep to the few points that matter`;
      });
    case 'handwritten_note':
      return byWords(body, NOTE_WORDS, (w) =>
        w <= NOTE_WORDS
          ? `${plural(w, 'word')}: fits a note card`
          : `${plural(w, 'word')}: more than a note card holds (about ${NOTE_WORDS}); keep it to a few lines`,
      );
  }
}

/**
 * LinkedIn's note field is a browser text box, whose maxlength counts UTF-16 code units, so
 * that is what is counted here (an emoji takes two of the 300).
 */
function linkedin(body: string, kind: LinkedinKind): LengthCheck {
  const characters = body.length;
  const fitsNote = characters <= LINKEDIN_NOTE_LIMIT;
  // Messages to a connection have a limit too, but published figures disagree (3,000 to 8,000)
  // and a follow-up never nears it: none is claimed.
  const length: LengthInfo = {
    characters,
    limit: kind === 'note' ? LINKEDIN_NOTE_LIMIT : null,
    segments: null,
  };
  if (kind === 'note') {
    const message = fitsNote
      ? `${n(characters)} of ${LINKEDIN_NOTE_LIMIT} characters: fits a connection note`
      : `${n(characters)} characters: over LinkedIn's ${LINKEDIN_NOTE_LIMIT}-character connection note by ${n(characters - LINKEDIN_NOTE_LIMIT)}; shorten it, or send it as a message once connected`;
    return { item: { id: 'length', ok: fitsNote, message }, length };
  }
  const message = `${n(characters)} characters: fine as a message${fitsNote ? '' : ` to a connection (a connection note stops at ${LINKEDIN_NOTE_LIMIT})`}`;
  return { item: { id: 'length', ok: true, message }, length };
}

function text(body: string): LengthCheck {
  const sms = countSms(body);
  const length: LengthInfo = { characters: sms.units, limit: sms.singleLimit, segments: sms.segments };
  const why =
    sms.encoding === 'UCS-2'
      ? ` (“${sms.firstNonGsm}” makes it a Unicode text: ${sms.singleLimit} characters a message, ${sms.perPart} per part)`
      : sms.segments > 1
        ? ` (${sms.perPart} characters per part)`
        : '';
  // "185 of 160 characters" reads as an error; past one message the count of parts says it.
  const counted =
    sms.segments <= 1 ? `${n(sms.units)} of ${n(sms.singleLimit)} characters` : `${n(sms.units)} characters`;
  if (sms.segments <= 1) {
    return { item: { id: 'length', ok: true, message: `${counted}: one text message${why}` }, length };
  }
  const ok = sms.segments <= TEXT_SEGMENTS;
  const message = ok
    ? `${counted}: ${sms.segments} text messages${why}`
    : `${counted}: ${sms.segments} text messages${why}; shorten it to ${TEXT_SEGMENTS} or fewer`;
  return { item: { id: 'length', ok, message }, length };
}

function byWords(body: string, maxWords: number, say: (words: number) => string): LengthCheck {
  const words = countWords(body);
  return {
    item: { id: 'length', ok: words <= maxWords, message: say(words) },
    length: { characters: Array.from(body).length, limit: null, segments: null },
  };
}
