/**
 * How many SMS segments a text takes (3GPP TS 23.038 character sets, TS 23.040 concatenation).
 * Shared so the composer can show the count as the user types. A text is GSM-7 when every
 * character is in the default alphabet or its extension table, else the whole text goes as UCS-2.
 */

// The GSM 03.38 default alphabet (ESC, 0x1B, is left out: it only introduces the extension table).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// The extension table: each is sent as ESC + character, two septets.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7, extension characters count two) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Units that fit one message on its own (160 or 70)… */
  singleLimit: number;
  /** …and each part of a longer one, after the 6-byte concatenation header (153 or 67). */
  perPart: number;
  /** The first character that forced UCS-2, to name it in the advice. */
  firstNonGsm: string | null;
}

export const SMS_LIMITS: Record<SmsEncoding, { single: number; perPart: number }> = {
  'GSM-7': { single: 160, perPart: 153 },
  'UCS-2': { single: 70, perPart: 67 },
};

export function countSms(text: string): SmsCount {
  const chars = Array.from(text);
  const firstNonGsm = chars.find((c) => !GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)) ?? null;
  const encoding: SmsEncoding = firstNonGsm === null ? 'GSM-7' : 'UCS-2';
  // A character's cost in units; phones never split an ESC pair or a surrogate pair across parts.
  const costs = chars.map((c) => (encoding === 'GSM-7' ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length));
  const units = costs.reduce((a, b) => a + b, 0);
  const { single, perPart } = SMS_LIMITS[encoding];
  return {
    encoding,
    units,
    segments: segmentsFor(costs, units, single, perPart),
    singleLimit: single,
    perPart,
    firstNonGsm,
  };
}

function segmentsFor(costs: readonly number[], units: number, single: number, perPart: number): number {
  if (units === 0) return 0;
  if (units <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perPart) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return segments;
}
