/**
 * A collection's name as the user sees it and an account names it: the display name (RFC 4918
 * §15.2), else the last segment of its address, since a server may list collections with none.
 */
export function collectionLabel(displayName: unknown, url: string): string {
  if (typeof displayName === 'string' && displayName.trim()) return displayName;
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || url;
  } catch {
    // A malformed %-escape: the segment as it stands is still its name.
    return last || url;
  }
}
