import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, templatesFor } from '../../../src/main/compose/templates/builtin.ts';
import { validateTemplate } from '../../../src/main/compose/validate.ts';
import { COMPOSE_CHANNELS } from '../../../src/shared/domain/compose.ts';
import { PURPOSES } from '../../../src/shared/domain/followup.ts';

// The placeholders used outside any section: those print even when every fact is missing.
function unconditional(template: string): string[] {
  return (Mustache.parse(template) as unknown as [string, string][])
    .filter(([type]) => type === 'name' || type === '&')
    .map(([, name]) => name);
}

describe('the built-in templates', () => {
  it('have at least three wordings for every purpose and channel', () => {
    for (const purpose of PURPOSES)
      for (const channel of COMPOSE_CHANNELS)
        expect(templatesFor(purpose, channel).length, `${purpose}.${channel}`).toBeGreaterThanOrEqual(3);
    expect(BUILTIN_TEMPLATES.length).toBeGreaterThanOrEqual(PURPOSES.length * COMPOSE_CHANNELS.length * 3);
  });

  it('pass the validator the user templates go through', () => {
    for (const t of BUILTIN_TEMPLATES) expect(validateTemplate(t), t.id).toEqual([]);
  });

  it('have unique ids and names, and a subject exactly for e-mail', () => {
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES.length);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.name)).size).toBe(BUILTIN_TEMPLATES.length);
    for (const t of BUILTIN_TEMPLATES) {
      expect(t.builtIn).toBe(true);
      expect(t.id).toMatch(new RegExp(`^${t.purpose}\\.${t.channel}\\.[1-9]$`));
      expect(t.subject !== null, t.id).toBe(t.channel === 'email');
    }
  });

  it('name the person outside any section, and use only the first name and my name unconditionally', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const always = unconditional(t.body);
      expect(always, t.id).toContain('first_name');
      // Anything else must sit in a section on itself, so its sentence drops when it is unknown.
      for (const name of always)
        expect(['first_name', 'my_name', 'last_sent_on', 'last_sent_ago'], `${t.id}: {{${name}}}`).toContain(
          name,
        );
    }
  });

  it('differ from each other within a purpose and channel', () => {
    for (const purpose of PURPOSES)
      for (const channel of COMPOSE_CHANNELS) {
        const bodies = templatesFor(purpose, channel).map((t) => t.body);
        expect(new Set(bodies).size).toBe(bodies.length);
      }
  });

  it('avoid the stock phrases the personalisation check flags', () => {
    const stock =
      /just checking in|touching base|circling back|per my last e-?mail|hope this finds you well|reach(ing)? out/i;
    for (const t of BUILTIN_TEMPLATES) expect(`${t.subject ?? ''} ${t.body}`, t.id).not.toMatch(stock);
  });

  it("put the user's templates after the built-in ones, in the order they were added", () => {
    const user = (n: number) => ({
      ...BUILTIN_TEMPLATES[0]!,
      id: `user-${n}`,
      builtIn: false,
      name: `Mine ${n}`,
    });
    const list = templatesFor('refresher', 'email', [user(12), user(3), { ...user(5), channel: 'text' }]);
    expect(list.map((t) => t.id)).toEqual([
      'refresher.email.1',
      'refresher.email.2',
      'refresher.email.3',
      'user-3',
      'user-12',
    ]);
  });
});
