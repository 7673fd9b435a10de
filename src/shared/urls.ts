/**
 * Links the app may hand to the operating system. Shared by main (shell.openExternal guard) and
 * the renderer (which only renders these as clickable), so the two cannot disagree.
 */
export const EXTERNAL_URL_SCHEMES = ['https:', 'mailto:', 'tel:'] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!(EXTERNAL_URL_SCHEMES as readonly string[]).includes(url.protocol)) return false;
  // https links must name a host; credentials in URLs are a phishing device.
  if (url.protocol === 'https:' && (!url.hostname || url.username || url.password)) return false;
  return true;
}
