import Mustache from 'mustache';
import type { View } from './facts.ts';

/**
 * Templates render with Mustache: logic-less, so a user's template can only place text, never
 * run code. Drafts are plain text (a mail body, a LinkedIn message), not HTML, so values are
 * inserted as they are instead of HTML-escaped ("Q&A" stays "Q&A"), and a value is never read
 * as a template ("{{first_name}}" in a note stays those characters).
 */
const PLAIN_TEXT = { escape: (value: unknown) => String(value) };

// Partials could pull in other text by name; templates are self-contained.
const NO_PARTIALS = () => undefined;

export type Token = [string, string, number, number, Token[]?, ...unknown[]];

// Mustache's own writer caches every text it parses, forever; the template editor's live
// preview parses a new text at each keystroke. This writer keeps a bounded number (the
// built-in templates and the latest edits) and leaves the library's global state alone.
const CACHE_LIMIT = 500;
const parsed = new Map<string, unknown>();
const writer = Object.assign(new Mustache.Writer(), {
  templateCache: {
    get: (key: string) => parsed.get(key),
    set: (key: string, tokens: unknown) => {
      if (parsed.size >= CACHE_LIMIT) parsed.clear();
      parsed.set(key, tokens);
    },
    clear: () => parsed.clear(),
  },
});

/** Mustache's parse with the standard {{ }} tags; throws on a malformed template. */
export function parseTemplate(template: string): Token[] {
  return writer.parse(template, ['{{', '}}']) as Token[];
}

export function renderText(template: string, view: View): string {
  return writer.render(template, view, NO_PARTIALS, PLAIN_TEXT);
}

/**
 * The placeholders whose value made it into the rendered text: variables inside sections that
 * rendered. Walks Mustache's own parse, so it agrees with the renderer about what shows.
 */
export function placeholdersShown(template: string, view: View): Set<string> {
  const shown = new Set<string>();
  const walk = (tokens: Token[], section: string | null) => {
    for (const [type, name, , , children] of tokens) {
      const key = name === '.' ? section : name;
      if (key === null) continue;
      const value = view[key] ?? '';
      if ((type === 'name' || type === '&') && value !== '') shown.add(key);
      if (type === '#' && value !== '' && children) walk(children, key);
      if (type === '^' && value === '' && children) walk(children, section);
    }
  };
  walk(parseTemplate(template), null);
  return shown;
}
