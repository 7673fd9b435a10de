import { strictUtf8, windows1252 } from './decode.ts';

const utf8 = new TextEncoder();
/** One decoder per CHARSET seen (bounded: a fuzzed file may name thousands). */
const decoders = new Map<string, TextDecoder | null>();

function decoderFor(charset: string): TextDecoder | null {
  let d = decoders.get(charset);
  if (d === undefined) {
    try {
      d = new TextDecoder(charset);
    } catch {
      d = null; // An unknown CHARSET label: fall back as if none were given.
    }
    if (decoders.size < 32) decoders.set(charset, d);
  }
  return d;
}

const hexValue = (c: number): number =>
  c >= 0x30 && c <= 0x39
    ? c - 0x30
    : c >= 0x41 && c <= 0x46
      ? c - 0x37
      : c >= 0x61 && c <= 0x66
        ? c - 0x57
        : -1;

/**
 * Quoted-printable (RFC 2045) to text: "=C3=A9" is the bytes of "é" in the CHARSET, UTF-8 on
 * Android. Without a CHARSET, UTF-8 is tried and windows-1252 taken when it does not fit.
 */
export function decodeQuotedPrintable(value: string, charset: string | null): string {
  const input = utf8.encode(value.endsWith('=') ? value.slice(0, -1) : value);
  const out = new Uint8Array(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === 0x3d && i + 2 < input.length) {
      const hi = hexValue(input[i + 1]!);
      const lo = hexValue(input[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  const bytes = out.subarray(0, n);
  const decoder = charset ? decoderFor(charset.toLowerCase()) : null;
  if (decoder) return decoder.decode(bytes);
  return strictUtf8(bytes) ?? windows1252.decode(bytes);
}
