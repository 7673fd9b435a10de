import { useSyncExternalStore } from 'react';

/**
 * Hash routes, because the renderer is served from app:// in Electron and from / over HTTP:
 * the hash works under both without the server knowing any route.
 */
export type Route =
  | { name: 'today'; params: URLSearchParams }
  | { name: 'calendar'; params: URLSearchParams }
  | { name: 'contacts'; params: URLSearchParams }
  | { name: 'contact'; id: number }
  | { name: 'events' }
  | { name: 'event'; id: number }
  | { name: 'settings' }
  | { name: 'import' }
  | { name: 'duplicates' }
  | { name: 'insights'; params: URLSearchParams }
  | { name: 'not-found'; path: string };

export const HOME = '/today';

export function parseRoute(hash: string): Route {
  // Today is the start page: what to do now comes before who you know.
  const raw = hash.replace(/^#/, '') || HOME;
  const [path = '', search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean);
  const [section, idPart] = parts;
  const id = idPart !== undefined && /^\d+$/.test(idPart) ? Number(idPart) : undefined;
  if (parts.length > 2) return { name: 'not-found', path: raw };
  switch (section) {
    case undefined:
    case 'today':
      return idPart === undefined
        ? { name: 'today', params: new URLSearchParams(search) }
        : { name: 'not-found', path: raw };
    case 'calendar':
      return idPart === undefined
        ? { name: 'calendar', params: new URLSearchParams(search) }
        : { name: 'not-found', path: raw };
    case 'contacts':
      if (idPart === undefined) return { name: 'contacts', params: new URLSearchParams(search) };
      return id ? { name: 'contact', id } : { name: 'not-found', path: raw };
    case 'events':
      if (idPart === undefined) return { name: 'events' };
      return id ? { name: 'event', id } : { name: 'not-found', path: raw };
    case 'insights':
      return idPart === undefined
        ? { name: 'insights', params: new URLSearchParams(search) }
        : { name: 'not-found', path: raw };
    case 'settings':
    case 'import':
    case 'duplicates':
      return idPart === undefined ? { name: section } : { name: 'not-found', path: raw };
    default:
      return { name: 'not-found', path: raw };
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** For <a href>: keeps links real links (middle-click, status bar) while staying in the app. */
export function href(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
