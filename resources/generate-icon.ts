// Regenerates resources/icon.png (the window and tray icon) without image tooling:
// `npx node resources/generate-icon.ts`. Shapes are drawn as signed distance fields, which
// gives anti-aliased edges for free; the PNG is written by hand (zlib + CRC32).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;

/** Signed distance to a rounded square centred in the canvas (negative inside). */
function roundedSquare(x: number, y: number, half: number, radius: number): number {
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance to the segment a-b. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

const coverage = (distance: number) => Math.max(0, Math.min(1, 0.5 - distance));

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    const cx = x + 0.5;
    const cy = y + 0.5;
    const bg = coverage(roundedSquare(cx, cy, 240, 96));
    // A check mark whose long stroke runs on past the corner: a follow-up, followed through.
    const stroke = 26;
    const check = Math.min(segment(cx, cy, 138, 268, 220, 350), segment(cx, cy, 220, 350, 384, 164));
    const arrowHead = Math.min(segment(cx, cy, 384, 164, 300, 166), segment(cx, cy, 384, 164, 382, 248));
    const mark = coverage(Math.min(check, arrowHead) - stroke);
    // Vertical gradient from teal to deep blue.
    const t = cy / SIZE;
    const r = Math.round(24 + (30 - 24) * t);
    const g = Math.round(160 + (86 - 160) * t);
    const b = Math.round(160 + (200 - 160) * t);
    const i = row + 1 + x * 4;
    pixels[i] = Math.round(r + (255 - r) * mark);
    pixels[i + 1] = Math.round(g + (255 - g) * mark);
    pixels[i + 2] = Math.round(b + (255 - b) * mark);
    pixels[i + 3] = Math.round(255 * bg);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`Wrote resources/icon.png (${png.length} bytes).`);
