/**
 * Links the app may hand to the operating system. Shared by main (shell.openExternal guard) and
 * the renderer (which only renders these as clickable), so the two cannot disagree.
 */
// sms: was added for the composer's text hand-off (issue 11): it opens the system's messaging app
// with a body the user has seen, and is only accepted with a recipient number (below).
export const EXTERNAL_URL_SCHEMES = ['https:', 'mailto:', 'tel:', 'sms:'] as const;

// RFC 5724 recipients: one or more numbers, each an optional '+' and digits with visual separators.
const SMS_RECIPIENTS = /^\+?[0-9][0-9().-]*(,\+?[0-9][0-9().-]*)*$/;

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
  // An sms: link without a number opens a blank compose screen at best; nothing the app makes.
  if (url.protocol === 'sms:' && !SMS_RECIPIENTS.test(url.pathname)) return false;
  return true;
}
