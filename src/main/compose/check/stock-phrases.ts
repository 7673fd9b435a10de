import type { CheckItem } from '../../../shared/domain/compose.ts';
import { escapeRegExp, fold } from './words.ts';

/** Phrases that say "this is a template" and nothing about why you are writing. */
export const STOCK_PHRASES: readonly string[] = [
  'just checking in',
  'touching base',
  'circling back',
  'per my last e-mail',
  'per my last email',
  'hope this finds you well',
  'I hope this email finds you well',
  'following up on my previous',
];

// People write a phrase in several ways ("e-mail", "e mail", "email", "I'm", "touching  base"):
// apostrophes are dropped, hyphens and runs of whitespace become one space, and the pattern lets
// a space fall between any two of the phrase's letters.
const APOSTROPHE = /['’‘`´]/u;
const SPACE_LIKE = /[\s‐‑–—-]/u;

/**
 * The text folded for matching, with each folded character's index in the original, so the
 * phrase found is quoted exactly as the user wrote it.
 */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (SPACE_LIKE.test(ch)) {
      if (!folded.endsWith(' ')) {
        folded += ' ';
        origin.push(i);
      }
    } else if (!APOSTROPHE.test(ch)) {
      for (const f of fold(ch)) {
        folded += f;
        origin.push(i);
      }
    }
    i += ch.length;
  }
  return { folded, origin };
}

function phrasePattern(phrase: string): RegExp | null {
  const letters = Array.from(fold(phrase)).filter((c) => !APOSTROPHE.test(c) && !SPACE_LIKE.test(c));
  if (!letters.some((c) => /[\p{L}\p{N}]/u.test(c))) return null;
  // Not inside a longer word: "recircling backwards" is not "circling back".
  return new RegExp(`(?<![\\p{L}\\p{N}])${letters.map(escapeRegExp).join(' ?')}(?![\\p{L}\\p{N}])`, 'gu');
}

/** Where the phrase was found, as written: "Just  checking-in". */
export function findStockPhrases(text: string, extra: readonly string[]): string[] {
  const { folded, origin } = foldWithMap(text);
  const found: { at: number; quote: string }[] = [];
  const seen = new Set<string>();
  for (const phrase of [...STOCK_PHRASES, ...extra]) {
    const pattern = phrasePattern(phrase);
    if (!pattern || seen.has(pattern.source)) continue;
    seen.add(pattern.source);
    for (const m of folded.matchAll(pattern)) {
      const start = origin[m.index]!;
      const end = origin[m.index + m[0].length - 1]!;
      const last = text.codePointAt(end)!;
      const quote = text.slice(start, end + String.fromCodePoint(last).length);
      if (!found.some((f) => f.at === start)) found.push({ at: start, quote });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.quote);
}

export function checkStockPhrases(text: string, extra: readonly string[]): CheckItem {
  const quotes = [...new Set(findStockPhrases(text, extra))];
  if (quotes.length === 0) return { id: 'stock_phrases', ok: true, message: 'No stock phrases' };
  const listed = quotes.map((q) => `“${q}”`).join(', ');
  return {
    id: 'stock_phrases',
    ok: false,
    message: `${quotes.length === 1 ? 'Stock phrase' : 'Stock phrases'} ${listed}: say why you are writing instead`,
  };
}
