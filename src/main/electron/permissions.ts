import { isAppUrl } from './app-protocol.ts';

/** Reminders need notifications; nothing else (camera, location, clipboard read, ...) is granted. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Granted only to the app's own pages, so a stray frame could never use it. */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** The slice of Electron's Session this module needs. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/**
 * Both handlers are needed: the request handler answers prompts, the check handler answers
 * synchronous queries (Notification.permission, navigator.permissions.query). Device access
 * (HID, serial, USB) is refused outright.
 */
export function restrictPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
