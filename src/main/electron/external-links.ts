import { isAllowedExternalUrl } from '../../shared/urls.ts';

export type OpenExternal = (url: string) => Promise<void>;
export type Log = (message: string, error?: unknown) => void;

/**
 * Hands a link to the operating system only if it passes the shared allowlist (https, mailto,
 * tel): shell.openExternal on an arbitrary URL can launch local programs (file:, smb:, custom
 * handlers). Returns whether the link was handed over.
 */
export function openExternalIfAllowed(url: string, openExternal: OpenExternal, log: Log): boolean {
  if (!isAllowedExternalUrl(url)) {
    log(`Blocked a link the app does not open: ${truncate(url)}`);
    return false;
  }
  openExternal(url).catch((error: unknown) => log(`Could not open ${truncate(url)}`, error));
  return true;
}

// Never echo a huge or multi-line URL into the log.
function truncate(url: string): string {
  const oneLine = url.replace(/\s+/g, ' ');
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
