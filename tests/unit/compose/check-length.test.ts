import { describe, expect, it } from 'vitest';
import { checkLength } from '../../../src/main/compose/check/length.ts';
import { countSms } from '../../../src/shared/compose/sms.ts';

const a = (n: number) => 'a'.repeat(n);

describe('SMS segments', () => {
  it.each([
    ['empty', '', 'GSM-7', 0, 0],
    ['one full GSM-7 message', a(160), 'GSM-7', 160, 1],
    ['one over: two parts of 153', a(161), 'GSM-7', 161, 2],
    ['two full parts', a(306), 'GSM-7', 306, 2],
    ['three parts', a(307), 'GSM-7', 307, 3],
    ['GSM-7 accents and symbols stay single', 'Grüße, Zoé! Ça va? £5 @ 10:00 ¿¡§', 'GSM-7', 33, 1],
    ['an extension character counts two', `${a(158)}€`, 'GSM-7', 160, 1],
    ['…which can tip it over', `${a(159)}€`, 'GSM-7', 161, 2],
    ['every extension character', '^{}\\[~]|€', 'GSM-7', 18, 1],
    ['an escape pair is never split across parts', `${a(152)}€${a(152)}`, 'GSM-7', 306, 3],
    ['one non-GSM character makes it UCS-2', `${a(69)}ç`, 'UCS-2', 70, 1],
    ['UCS-2 over 70: parts of 67', `${a(70)}ç`, 'UCS-2', 71, 2],
    ['Cyrillic', 'д'.repeat(134), 'UCS-2', 134, 2],
    ['Cyrillic, three parts', 'д'.repeat(135), 'UCS-2', 135, 3],
    ['an emoji is two UTF-16 code units', `${a(68)}😀`, 'UCS-2', 70, 1],
    ['…which can tip it over', `${a(69)}😀`, 'UCS-2', 71, 2],
    ['a surrogate pair is never split across parts', `${a(66)}😀${a(66)}`, 'UCS-2', 134, 3],
    ['a backtick is not in GSM-7', '`', 'UCS-2', 1, 1],
  ])('%s', (_name, text, encoding, units, segments) => {
    expect(countSms(text)).toMatchObject({ encoding, units, segments });
  });

  it('names the character that forced UCS-2', () => {
    expect(countSms('Hi Ada 👋 see you').firstNonGsm).toBe('👋');
    expect(countSms('Hi Ada').firstNonGsm).toBeNull();
  });
});

describe('text message length advice', () => {
  it('reports one message, with the count against the single-message limit', () => {
    expect(checkLength('text', a(120), 'note')).toEqual({
      item: { id: 'length', ok: true, message: '120 of 160 characters: one text message' },
      length: { characters: 120, limit: 160, segments: 1 },
    });
  });

  it('accepts two segments and names the encoding when Unicode shrinks them', () => {
    expect(checkLength('text', `${a(80)}😀`, 'note')).toEqual({
      item: {
        id: 'length',
        ok: true,
        message:
          '82 characters: 2 text messages (“😀” makes it a Unicode text: 70 characters a message, 67 per part)',
      },
      length: { characters: 82, limit: 70, segments: 2 },
    });
  });

  it('flags three or more', () => {
    const { item, length } = checkLength('text', a(400), 'note');
    expect(item).toEqual({
      id: 'length',
      ok: false,
      message: '400 characters: 3 text messages (153 characters per part); shorten it to 2 or fewer',
    });
    expect(length.segments).toBe(3);
  });
});

describe('LinkedIn note length', () => {
  it('counts UTF-16 code units, as the note box does', () => {
    expect(checkLength('linkedin', `${a(298)}😀`, 'note').item).toMatchObject({
      ok: true,
      message: '300 of 300 characters: fits a connection note',
    });
    expect(checkLength('linkedin', `${a(299)}😀`, 'note').item.ok).toBe(false);
  });
});
