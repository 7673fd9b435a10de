import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/main/compose/check/check-message.ts';
import { containment, NEAR_COPY_THRESHOLD } from '../../../src/main/compose/check/not-a-copy.ts';
import { contextFor } from './check-fixture.ts';

const OLD = `Hi Ada, thank you for the conversation at Web Summit on Thursday. Your point about solar roofs on schools has stayed with me, and I have started on the pilot proposal we talked about. I would love to hear how the Lisbon council responds. Would Tuesday at 10:00 suit you for a short call to go through it?`;

// The cases the threshold's comment quotes; the numbers there are these.
const CASES = {
  swapped: OLD.replace('Ada', 'Ben').replace('solar roofs', 'heat pumps'),
  extended: `${OLD} I also found a report on battery storage for public buildings that covers three pilots in Porto, and I think you will like the numbers on page four.`,
  sameClosing: `Hi Ada, the council approved the roofs, which is wonderful news for the whole team. I am putting together a budget for the first three schools and the installers we shortlisted. Would Tuesday at 10:00 suit you for a short call to go through it?`,
  otherVariant: `Ada, it was a pleasure to meet you at Web Summit. I keep thinking about what you said on solar roofs for schools. As promised, the pilot proposal is coming your way this week. Could we find half an hour next Tuesday to talk it over?`,
};

const sentOn12Mar = [{ at: '2026-03-12T15:00:00Z', channel: 'email', summary: OLD }];
const notACopy = (
  body: string,
  ctx = contextFor({ now: new Date('2026-03-17T09:00:00Z'), sent: sentOn12Mar }),
) => checkMessage(ctx, { channel: 'email', subject: null, body }).checks.find((c) => c.id === 'not_a_copy')!;

describe('near-copy measure', () => {
  it('scores the documented cases as the comment says', () => {
    expect(containment(CASES.swapped, OLD)).toBeCloseTo(0.89, 2);
    expect(containment(CASES.extended, OLD)).toBeCloseTo(0.67, 2);
    expect(containment(CASES.sameClosing, OLD)).toBeCloseTo(0.3, 2);
    expect(containment(CASES.otherVariant, OLD)).toBeCloseTo(0.05, 2);
    expect(NEAR_COPY_THRESHOLD).toBe(0.5);
  });

  it('ignores case, accents and punctuation; an identical text scores 1', () => {
    expect(containment(OLD.toUpperCase().replace(/[,.?]/g, ''), OLD)).toBe(1);
    expect(containment('Café au lait, demain à dix heures ?', 'cafe au lait demain a dix heures')).toBe(1);
  });

  it('judges very short messages word for word, not by a shared three-word run', () => {
    expect(containment('Thanks Ada', 'Thanks Ada')).toBe(1);
    expect(containment('Sent the deck', 'I sent the deck to the whole team on Monday morning')).toBe(0);
    expect(containment('', OLD)).toBe(0);
  });
});

describe('not_a_copy check', () => {
  it('flags a near-copy of the previous message, with its day in the user’s locale', () => {
    expect(notACopy(CASES.swapped)).toEqual({
      id: 'not_a_copy',
      ok: false,
      message: 'Almost the same as your message of 12 Mar (89% of the wording repeats it): say something new',
    });
    const us = contextFor({ now: new Date('2026-03-17T09:00:00Z'), sent: sentOn12Mar, locale: 'en-US' });
    expect(notACopy(CASES.extended, us).message).toContain('your message of Mar 12');
  });

  it('passes a new message, naming the last one it differs from', () => {
    expect(notACopy(CASES.otherVariant)).toEqual({
      id: 'not_a_copy',
      ok: true,
      message: 'Different from your message of 12 Mar',
    });
    expect(notACopy(CASES.sameClosing).ok).toBe(true);
  });

  it('compares with every recent message, not only the last', () => {
    const ctx = contextFor({
      now: new Date('2026-03-17T09:00:00Z'),
      sent: [
        { at: '2026-03-14T10:00:00Z', channel: 'linkedin', summary: 'Connected on LinkedIn' },
        ...sentOn12Mar,
      ],
    });
    expect(notACopy(OLD, ctx).message).toContain('your message of 12 Mar');
  });

  it('does not let the signature on both make two short messages alike', () => {
    const signature =
      'Grace Hopper\nFounder and Chief Executive\nHopper Analytics Ltd\n12 Harbour Street, Bristol';
    const ctx = contextFor({
      me: { signature },
      sent: [{ at: '2026-03-01T10:00:00Z', channel: 'email', summary: `Ada, the slides.\n${signature}` }],
    });
    expect(notACopy(`Ada, free for a call on Friday?\n${signature}`, ctx).ok).toBe(true);
  });
});
