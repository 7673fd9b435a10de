import type { TemplateProblem } from '../../shared/domain/compose.ts';
import { PLACEHOLDER_NAMES, TEMPLATE_PLACEHOLDERS } from '../../shared/domain/compose-placeholders.ts';
import { parseTemplate, type Token } from './render.ts';

/**
 * A user template's problems, each with the line it is on, for the editor: a parse error
 * (a section never closed, a tag without "}}"), a placeholder the drafts do not fill (it would
 * print nothing, so "{{frist_name}}" must not go unnoticed), and the Mustache features that
 * reach outside the template (partials) or make it unreadable (changed delimiters).
 */
export function validateTemplate(template: { subject: string | null; body: string }): TemplateProblem[] {
  return [
    ...(template.subject === null ? [] : problemsIn('subject', template.subject)),
    ...problemsIn('body', template.body),
  ];
}

type Part = TemplateProblem['part'];

const lineAt = (text: string, offset: number) => text.slice(0, Math.max(0, offset)).split('\n').length;

function problemsIn(part: Part, text: string): TemplateProblem[] {
  let tokens: Token[];
  try {
    tokens = parseTemplate(text);
  } catch (error) {
    return [parseProblem(part, text, error)];
  }
  const problems: TemplateProblem[] = [];
  const walk = (list: Token[], inSection: boolean) => {
    for (const [type, name, start, , children] of list) {
      const line = lineAt(text, start);
      if (type === '>')
        problems.push({ part, line, message: `{{> ${name}}}: including other templates is not supported` });
      else if (type === '=')
        problems.push({ part, line, message: 'changing the {{ }} delimiters is not supported' });
      else if (type === 'name' || type === '&' || type === '#' || type === '^') {
        if (name === '.' ? !inSection : !PLACEHOLDER_NAMES.has(name))
          problems.push({ part, line, message: unknownMessage(name) });
        if (children) walk(children, inSection || type === '#');
      }
    }
  };
  walk(tokens, false);
  return problems;
}

function unknownMessage(name: string): string {
  if (name === '.') return 'unknown placeholder {{.}} (it only means something inside a section)';
  const near = closest(name);
  return `unknown placeholder {{${name}}}${near ? `: did you mean {{${near}}}?` : ''}`;
}

// Mustache's errors end with the offset they happened at ("Unclosed section \"x\" at 41").
function parseProblem(part: Part, text: string, error: unknown): TemplateProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const at = raw.match(/ at (\d+)$/);
  const unclosed = raw.match(/^Unclosed section "(.*)"/);
  // An unclosed section is reported where the text ends; the user looks for where it opens.
  const offset = unclosed
    ? openingBefore(text, unclosed[1]!, Number(at?.[1] ?? text.length))
    : Number(at?.[1] ?? 0);
  const line = lineAt(text, offset);
  const unopened = raw.match(/^Unopened section "(.*)"/);
  const message = unclosed
    ? `the section {{#${unclosed[1]}}} is not closed with {{/${unclosed[1]}}}`
    : unopened
      ? `{{/${unopened[1]}}} closes a section that was never opened`
      : raw.startsWith('Unclosed tag')
        ? 'a tag is not closed: "}}" is missing'
        : raw.replace(/ at \d+$/, '');
  return { part, line, message };
}

function openingBefore(text: string, name: string, before: number): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let found = before;
  for (const match of text.matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g')))
    if (match.index < before) found = match.index;
  return found;
}

function closest(name: string): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const p of TEMPLATE_PLACEHOLDERS) {
    const d = distance(name.toLowerCase(), p.name);
    if (d < bestDistance) {
      best = p.name;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
