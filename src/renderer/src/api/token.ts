const STORAGE_KEY = 'followthrough.token';

/**
 * The HTTP shell prints a URL with ?token=…; keep the token for this tab only (sessionStorage)
 * and take it out of the address bar so it does not end up in history, bookmarks or screenshots.
 */
export function takeAccessToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

export function forgetAccessToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
