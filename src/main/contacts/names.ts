/**
 * First and last name guessed from a display name when only that was typed (quick capture), so
 * sorting and later exports (vCard N:, Google CSV) have them. Single words are a first name.
 */
export function splitDisplayName(displayName: string): { firstName: string | null; lastName: string | null } {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: words[0] ?? null, lastName: null };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? null };
}
