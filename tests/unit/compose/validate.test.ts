import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../src/main/compose/validate.ts';
import { TEMPLATE_PLACEHOLDERS } from '../../../src/shared/domain/compose-placeholders.ts';

const body = (text: string) => validateTemplate({ subject: null, body: text });

describe('the template validator', () => {
  it('reports an unknown placeholder with its line, and the name it probably meant', () => {
    expect(body('Hi {{first_name}},\n\nWe met at {{met_were}}.\nBest')).toEqual([
      { part: 'body', line: 3, message: 'unknown placeholder {{met_were}}: did you mean {{met_where}}?' },
    ]);
  });

  it('checks the subject as well, and inside sections', () => {
    expect(
      validateTemplate({
        subject: 'About {{topic}}',
        body: 'Hi {{first_name}},\n{{#discussed}}\nWe talked about {{discused}}.\n{{/discussed}}\n{{^interests}}{{weather}}{{/interests}}',
      }),
    ).toEqual([
      { part: 'subject', line: 1, message: 'unknown placeholder {{topic}}' },
      { part: 'body', line: 3, message: 'unknown placeholder {{discused}}: did you mean {{discussed}}?' },
      { part: 'body', line: 5, message: 'unknown placeholder {{weather}}' },
    ]);
  });

  it('reports an unknown section name too', () => {
    expect(body('Hi {{first_name}}\n{{#metwhere}}at {{met_where}}{{/metwhere}}')).toEqual([
      { part: 'body', line: 2, message: 'unknown placeholder {{metwhere}}: did you mean {{met_where}}?' },
    ]);
  });

  it('reports a section that is never closed, or closed without being opened, at its line', () => {
    expect(body('Hi {{first_name}},\n\n{{#discussed}}We talked about {{discussed}}.\nBest')).toEqual([
      { part: 'body', line: 3, message: 'the section {{#discussed}} is not closed with {{/discussed}}' },
    ]);
    expect(body('Hi {{first_name}},\nthanks{{/discussed}}')).toEqual([
      { part: 'body', line: 2, message: '{{/discussed}} closes a section that was never opened' },
    ]);
    expect(body('{{#discussed}}\n{{#interests}}x\n{{/discussed}}{{/interests}}')).toEqual([
      { part: 'body', line: 2, message: 'the section {{#interests}} is not closed with {{/interests}}' },
    ]);
  });

  it('reports a tag without its closing braces', () => {
    expect(body('Hi {{first_name}},\nSee you {{meeting_day')).toEqual([
      { part: 'body', line: 2, message: 'a tag is not closed: "}}" is missing' },
    ]);
  });

  it('refuses partials and changed delimiters, and {{.}} outside a section', () => {
    expect(body('Hi {{first_name}}\n{{> footer}}')).toEqual([
      { part: 'body', line: 2, message: '{{> footer}}: including other templates is not supported' },
    ]);
    expect(body('{{=<% %>=}}\nHi <% first_name %>')).toEqual([
      { part: 'body', line: 1, message: 'changing the {{ }} delimiters is not supported' },
    ]);
    expect(body('{{.}}')).toHaveLength(1);
    expect(body('{{#discussed}}About {{.}}.{{/discussed}}')).toEqual([]);
  });

  it('accepts every known placeholder, as a variable, raw, a section and an inverted section', () => {
    const all = TEMPLATE_PLACEHOLDERS.map(
      ({ name }) =>
        `{{${name}}} {{{${name}}}} {{&${name}}} {{#${name}}}x{{/${name}}} {{^${name}}}y{{/${name}}}`,
    ).join('\n');
    expect(validateTemplate({ subject: '{{first_name}}', body: `{{! a comment }}\n${all}` })).toEqual([]);
  });

  it('lists each placeholder once, with a description and an example for the editor', () => {
    const names = TEMPLATE_PLACEHOLDERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of TEMPLATE_PLACEHOLDERS) {
      expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(p.description.length).toBeGreaterThan(3);
      expect(p.example.length).toBeGreaterThan(0);
    }
  });
});
