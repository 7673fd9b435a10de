import { describe, expect, it } from 'vitest';
import {
  groupTemplates,
  problemText,
  TEMPLATE_CHANNELS,
  TEMPLATE_PURPOSES,
  templateDisplayName,
} from '../../../src/renderer/src/settings/templateLabels.ts';
import type { ComposeTemplate } from '../../../src/shared/domain/compose.ts';

const template = (over: Partial<ComposeTemplate>): ComposeTemplate => ({
  id: 'user-1',
  purpose: 'refresher',
  channel: 'email',
  builtIn: false,
  name: 'Mine',
  subject: null,
  body: 'Hi {{first_name}}',
  ...over,
});

describe('template labels', () => {
  it('groups by purpose × channel in the app order, keeping the list order inside a group', () => {
    const groups = groupTemplates([
      template({ id: 'a', purpose: 'second', channel: 'text' }),
      template({ id: 'b', purpose: 'refresher', channel: 'linkedin' }),
      template({ id: 'c', purpose: 'refresher', channel: 'email' }),
      template({ id: 'd', purpose: 'refresher', channel: 'linkedin' }),
    ]);
    expect(groups.map((g) => g.title)).toEqual([
      'Refresher · Email',
      'Refresher · LinkedIn',
      'Nudge · Text message',
    ]);
    expect(groups[1]?.templates.map((t) => t.id)).toEqual(['b', 'd']);
  });

  it('lists every purpose and channel once', () => {
    expect(new Set(TEMPLATE_PURPOSES).size).toBe(TEMPLATE_PURPOSES.length);
    expect(TEMPLATE_CHANNELS).toEqual(['email', 'linkedin', 'text', 'call', 'handwritten_note']);
  });

  it('names a problem by its line, or the subject', () => {
    expect(problemText({ part: 'body', line: 3, message: 'unknown placeholder {{frist_name}}' })).toBe(
      'Line 3: unknown placeholder {{frist_name}}',
    );
    expect(problemText({ part: 'subject', line: 1, message: 'unclosed section' })).toBe(
      'Subject: unclosed section',
    );
  });

  it('shows a built-in name without its group, a user name as written', () => {
    expect(templateDisplayName(template({ builtIn: true, name: 'Refresher · E-mail · Warm' }))).toBe('Warm');
    expect(templateDisplayName(template({ name: 'Coffee · after the summit' }))).toBe(
      'Coffee · after the summit',
    );
  });
});
