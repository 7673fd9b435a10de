/**
 * Plain-text hygiene for drafts. Facts are tidied before they go into a template (so the user's
 * trailing full stop does not meet the template's), and the rendered text is tidied after (so a
 * sentence dropped for a missing fact leaves no doubled space, stray comma or empty line).
 */

const PUNCT_RUN = /([.,;:!?])(?:\s*[.,;:!?])+/g;

// A run like "?." or ", ." keeps its strongest mark: a question stays a question.
function strongest(run: string): string {
  for (const mark of ['?', '!', '.', ';', ':', ',']) if (run.includes(mark)) return mark;
  return run[0] ?? '';
}

function tidyInline(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ +(?=[.,;:!?)])/g, '')
    .replace(/\( +/g, '(')
    .replace(PUNCT_RUN, (run) => strongest(run))
    .replace(/\(\)/g, '')
    .replace(/ {2,}/g, ' ');
}

/**
 * A fact as it goes into a sentence: one line, single spaces, no leading bullet and no trailing
 * punctuation (the template ends the sentence). Control characters become spaces.
 */
export function tidyFact(text: string | null | undefined): string {
  if (!text) return '';
  const oneLine = text.replace(/\p{Cc}+/gu, ' ').replace(/\s+/gu, ' ');
  return tidyInline(oneLine)
    .replace(/^[\s\-–—•*·.,;:!?]+/u, '')
    .replace(/[\s.,;:!?…]+$/u, '')
    .trim();
}

/** A multi-line value (the signature): each line tidied, blank lines at either end dropped. */
export function tidyBlock(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => tidyInline(line.replace(/\p{Cc}+/gu, ' ')).trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const HAS_CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;
const BULLET = /^- /;

/**
 * The rendered text, tidied: single spaces, no space before punctuation, no doubled
 * punctuation, no line left with only punctuation, one blank line between paragraphs and none
 * between the items of a list.
 */
export function tidyBody(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      tidyInline(line)
        .trim()
        .replace(/^[.,;:!?]+ ?/, ''),
    )
    .map((line) => (HAS_CONTENT.test(line) ? line : ''));
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      const previous = kept.at(-1);
      const next = lines.slice(i + 1).find((l) => l !== '');
      if (previous === undefined || previous === '' || next === undefined) continue;
      if (BULLET.test(previous) && BULLET.test(next)) continue;
    }
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** A subject: one line, tidied, starting with a capital unless its first word is cased on purpose. */
export function tidySubject(text: string): string {
  const line = tidyInline(text.replace(/\s+/gu, ' ')).trim();
  // A subject may ask ("How are things?") but does not end like a sentence or a list.
  return capitaliseFirst(line.replace(/^[\s.,;:!?]+/u, '').replace(/[\s.,;:]+$/u, ''));
}

function capitaliseFirst(text: string): string {
  const first = text.match(/^\p{L}+/u)?.[0];
  if (!first || first !== first.toLowerCase()) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Words a note usually starts with that are not names: lowered when the fact goes mid-sentence
// ("We agreed on a next step: send the deck"), while "Priya" and "AI" keep their capitals.
const COMMON_OPENERS = new Set(
  `a an the this that these some more our my your their his her its we i'd
  send share introduce intro book follow invite ask connect call meet meeting schedule set get review
  discuss talk chat coffee lunch breakfast dinner demo check find make write read try help look plan
  join visit catch arrange sort agree finish prepare draft update reply return give recommend suggest
  pick put bring show keep tell see hear learn start open close sign test run build move hire pilot
  how what why when where whether possible potential next new first second idea ideas thoughts notes
  feedback questions question advice intros introductions`.split(/\s+/),
);

export function lowerCommonOpener(text: string): string {
  const first = text.match(/^\p{L}[\p{L}']*/u)?.[0];
  if (!first) return text;
  const isTitleCase =
    first.charAt(0) !== first.charAt(0).toLowerCase() && first.slice(1) === first.slice(1).toLowerCase();
  if (!isTitleCase || !(COMMON_OPENERS.has(first.toLowerCase()) || isGerund(text, first))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * "Making programs read like English" is a topic, not a name: an -ing word followed by a
 * lower-case word is lowered mid-sentence. "Fleming's lab" or "Ming Li" keep their capitals (a
 * possessive or a capital follows, or the word is too short to be a gerund).
 */
function isGerund(text: string, first: string): boolean {
  if (first.length < 6 || !first.endsWith('ing')) return false;
  return /^\s+\p{Ll}/u.test(text.slice(first.length));
}

// Notes are written about the contact ("their Series A", "introduce them to Priya"); a message
// is written to them. "me", "my" and "our" are the user's and stay.
const TO_SECOND_PERSON = new Map([
  ['their', 'your'],
  ['theirs', 'yours'],
  ['them', 'you'],
  ['themselves', 'yourself'],
  ['themself', 'yourself'],
  ["they're", "you're"],
  ["they've", "you've"],
  ["they'll", "you'll"],
  ["they'd", "you'd"],
  ['they', 'you'],
]);

export function toSecondPerson(text: string): string {
  return text.replace(/\b[Tt]he(?:ir|irs|m|mselves|mself|y're|y've|y'll|y'd|y)\b/g, (word) => {
    const swapped = TO_SECOND_PERSON.get(word.toLowerCase());
    if (!swapped) return word;
    return word.charAt(0) === 'T' ? swapped.charAt(0).toUpperCase() + swapped.slice(1) : swapped;
  });
}
