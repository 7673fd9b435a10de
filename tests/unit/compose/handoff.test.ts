import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handoffFor, MAX_HANDOFF_URL_LENGTH, mailtoUrl } from '../../../src/shared/compose/handoff.ts';
import { isAllowedExternalUrl } from '../../../src/shared/urls.ts';

/**
 * Reads a mailto: link back the way a client would, with the WHATWG URL parser. URLSearchParams
 * decodes '+' as a space (form encoding), so the link must encode '+' as %2B for the round trip
 * to hold; decodeURIComponent on the raw parts is checked too, as the strict RFC 6068 reading.
 */
function readMailto(url: string) {
  const parsed = new URL(url);
  expect(parsed.protocol).toBe('mailto:');
  const raw = new Map(
    parsed.search
      .slice(1)
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const eq = pair.indexOf('=');
        return [pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1))] as const;
      }),
  );
  const params = parsed.searchParams;
  expect(params.get('subject')).toBe(raw.get('subject') ?? null);
  expect(params.get('body')).toBe(raw.get('body') ?? null);
  return {
    to: decodeURIComponent(parsed.pathname),
    subject: params.get('subject'),
    body: params.get('body'),
  };
}

const crlf = (s: string) => s.replace(/\r\n|\r|\n/g, '\r\n');

describe('mailto: hand-off (RFC 6068)', () => {
  it.each([
    ['plain', 'Solar roofs', 'Hi Ada,\n\nFree on Friday?\n\nGrace'],
    ['reserved characters', 'Q&A: 50% off? a+b=c #1', 'a+b=c & d#e?f%20g = 100% + more\n?&=#+%'],
    ['Unicode and emoji', 'Zoë — Ångström 🚀', 'Grüße aus Köln 👋🏽 日本語 עברית 👨‍👩‍👧'],
    ['Windows and old Mac line breaks', 'Lines', 'one\r\ntwo\rthree\n\nfour\r\n'],
    ['spaces at the ends', '  padded  ', '  indented\n    text  '],
  ])('round-trips %s exactly', (_name, subject, body) => {
    const h = handoffFor('email', { to: 'ada@example.com', subject, body });
    expect(h.kind).toBe('mailto');
    expect(h.copyFirst).toBe(false);
    expect(h.note).toBeNull();
    expect(isAllowedExternalUrl(h.url!)).toBe(true);
    expect(readMailto(h.url!)).toEqual({ to: 'ada@example.com', subject, body: crlf(body) });
  });

  it('encodes line breaks as %0D%0A and never leaves + & # % ? = or non-ASCII bare in a field', () => {
    const url = mailtoUrl('ada@example.com', 'a+b', 'x\ny&z#1%?=é');
    expect(url).toBe('mailto:ada@example.com?subject=a%2Bb&body=x%0D%0Ay%26z%231%25%3F%3D%C3%A9');
  });

  it('encodes the address but keeps its @, and round-trips a + or non-ASCII in it', () => {
    const h = handoffFor('email', { to: 'ada+news@exämple.com', subject: null, body: 'Hi' });
    expect(h.url).toBe('mailto:ada%2Bnews@ex%C3%A4mple.com?body=Hi');
    expect(readMailto(h.url!).to).toBe('ada+news@exämple.com');
  });

  it('opens a mail without a recipient when there is no usable address, and says so', () => {
    for (const to of [null, '', 'Ada <ada@example.com>', 'a@b.com, c@d.com', 'not an address']) {
      const h = handoffFor('email', { to, subject: 'Hi', body: 'Hello' });
      expect(h).toEqual({
        kind: 'mailto',
        url: 'mailto:?subject=Hi&body=Hello',
        copyFirst: false,
        note: 'No e-mail address on file: the mail app opens without a recipient.',
      });
      expect(isAllowedExternalUrl(h.url!)).toBe(true);
    }
  });

  it('leaves out an empty subject or body, and writes a multi-line subject on one line', () => {
    expect(handoffFor('email', { to: 'ada@example.com', subject: '   ', body: '' }).url).toBe(
      'mailto:ada@example.com',
    );
    const h = handoffFor('email', { to: 'ada@example.com', subject: 'one\ntwo', body: 'x' });
    expect(readMailto(h.url!).subject).toBe('one two');
  });

  it('replaces a lone surrogate (which UTF-8 cannot carry) instead of throwing', () => {
    const h = handoffFor('email', { to: 'ada@example.com', subject: 'x\uD800y', body: 'a\uDC00b' });
    expect(readMailto(h.url!)).toMatchObject({ subject: 'x\uFFFDy', body: 'a\uFFFDb' });
  });

  it(`falls back to copying past ${MAX_HANDOFF_URL_LENGTH} characters, exactly at the limit`, () => {
    const prefix = 'mailto:ada@example.com?body='.length;
    const fits = handoffFor('email', {
      to: 'ada@example.com',
      subject: null,
      body: 'a'.repeat(MAX_HANDOFF_URL_LENGTH - prefix),
    });
    expect(fits.kind).toBe('mailto');
    expect(fits.url!.length).toBe(MAX_HANDOFF_URL_LENGTH);
    const over = handoffFor('email', {
      to: 'ada@example.com',
      subject: null,
      body: 'a'.repeat(MAX_HANDOFF_URL_LENGTH - prefix + 1),
    });
    expect(over).toEqual({
      kind: 'copy',
      url: null,
      copyFirst: true,
      note: 'The mail link would be 2,001 characters, over the 2,000 that mail and messaging apps reliably accept: copy the message instead.',
    });
    // Encoding counts: 700 'é' are 1,400 bytes, 4,200 characters once percent-encoded.
    expect(handoffFor('email', { to: null, subject: null, body: 'é'.repeat(700) }).kind).toBe('copy');
  });

  it('round-trips any subject and body (property)', () => {
    const tricky = fc.constantFrom(
      '+',
      '&',
      '#',
      '%',
      '?',
      '=',
      ' ',
      '\n',
      '\r\n',
      '\r',
      'é',
      '😀',
      '%20',
      'a',
      '\u200d',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(tricky, { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, text, (subject, body) => {
        const h = handoffFor('email', { to: 'ada@example.com', subject, body });
        // Sixty code points encode to at most 720 characters each: always under the link limit.
        expect(h.kind).toBe('mailto');
        const back = readMailto(h.url!);
        expect(back.subject).toBe(subject.trim() ? subject.replace(/\r\n|\r|\n/g, ' ') : null);
        expect(back.body).toBe(body ? crlf(body) : null);
        expect(isAllowedExternalUrl(h.url!)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('LinkedIn hand-off', () => {
  it('copies first, then opens the https profile', () => {
    expect(
      handoffFor('linkedin', {
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace',
        subject: null,
        body: 'Hi',
      }),
    ).toEqual({
      kind: 'https',
      url: 'https://www.linkedin.com/in/ada-lovelace',
      copyFirst: true,
      note: 'The message is copied; paste it into LinkedIn on their profile.',
    });
  });

  it('only copies when the profile is missing or not an allowed https link', () => {
    for (const profileUrl of [
      null,
      '',
      'http://www.linkedin.com/in/ada',
      'javascript:alert(1)',
      'https://user:pw@www.linkedin.com/in/ada',
      'linkedin.com/in/ada',
    ]) {
      expect(handoffFor('linkedin', { profileUrl, subject: null, body: 'Hi' })).toEqual({
        kind: 'copy',
        url: null,
        copyFirst: true,
        note: 'No LinkedIn profile on file: copy the message and paste it into LinkedIn.',
      });
    }
  });
});

describe('text, call and note hand-offs', () => {
  it('builds sms:<number>?body= (RFC 5724) from a written number, body round-tripping', () => {
    const body = 'Hi Ada 👋\r\nFree at 3pm? a+b & c#d';
    const h = handoffFor('text', { phone: '+44 (20) 7946-0958', subject: null, body });
    expect(h.kind).toBe('sms');
    expect(h.url).toMatch(/^sms:\+442079460958\?body=/);
    expect(isAllowedExternalUrl(h.url!)).toBe(true);
    const parsed = new URL(h.url!);
    expect(parsed.pathname).toBe('+442079460958');
    expect(parsed.searchParams.get('body')).toBe('Hi Ada 👋\nFree at 3pm? a+b & c#d');
    expect(handoffFor('text', { phone: '07946 095 800', subject: null, body: '' }).url).toBe(
      'sms:07946095800',
    );
  });

  it('copies a text when there is no plain number, or the link would be too long', () => {
    for (const phone of [null, '', '+44 20 7946 0958 ext. 12', 'call reception', '12']) {
      expect(handoffFor('text', { phone, subject: null, body: 'Hi' })).toMatchObject({
        kind: 'copy',
        url: null,
      });
    }
    expect(
      handoffFor('text', { phone: '+15551234567', subject: null, body: '😀'.repeat(200) }),
    ).toMatchObject({
      kind: 'copy',
      url: null,
    });
  });

  it('dials with tel: and keeps the talking points in the app', () => {
    expect(
      handoffFor('call', { phone: '+1 (555) 123-4567', subject: null, body: '- ask about roofs' }),
    ).toEqual({
      kind: 'tel',
      url: 'tel:+15551234567',
      copyFirst: false,
      note: 'The talking points stay in the app while you call.',
    });
    expect(handoffFor('call', { phone: null, subject: null, body: 'x' })).toMatchObject({
      kind: 'copy',
      url: null,
    });
  });

  it('prints a handwritten note', () => {
    expect(handoffFor('handwritten_note', { subject: null, body: 'Dear Ada' })).toMatchObject({
      kind: 'print',
      url: null,
      copyFirst: false,
    });
  });
});
