import { LOCALE } from './dates.ts';

/** Up to two initials for an avatar: "Ada Lovelace" → "AL", "Cher" → "C". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A stable hue per name, so a person keeps their avatar colour across screens. */
export function hueFor(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString(LOCALE)} ${count === 1 ? one : many}`;
}

/** "Title · Company", skipping whichever is missing. */
export function roleLine(title: string | null, company: string | null): string {
  return [title, company].filter(Boolean).join(' · ');
}

/** Main writes warnings as sentence fragments ("only 1 day after…"); shown alone they need a capital. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
