/** A percentage as typed ("30", "30%", "12,5") as a share from 0 to 1; null when it is not one. */
export function parseRate(text: string): number | null {
  const cleaned = text.trim().replace('%', '').replace(',', '.');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  if (!Number.isFinite(n) || n < 0 || n > 100) return null;
  return n / 100;
}
