import { describe, expect, it } from 'vitest';
import {
  isPermissionGranted,
  type PermissionSession,
  restrictPermissions,
} from '../../../src/main/electron/permissions.ts';

function fakeSession() {
  const handlers: {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
  } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler(h) {
      handlers.request = h;
    },
    setPermissionCheckHandler(h) {
      handlers.check = h;
    },
    setDevicePermissionHandler(h) {
      handlers.device = h;
    },
  };
  restrictPermissions(session);
  const request = (permission: string, requestingUrl: string) => {
    const answers: boolean[] = [];
    handlers.request?.(null, permission, (g) => answers.push(g), { requestingUrl });
    return answers[0];
  };
  const check = (permission: string, origin: string) => handlers.check?.(null, permission, origin);
  return { request, check, device: () => handlers.device?.() };
}

describe('permissions', () => {
  const APP = 'app://followthrough/index.html';

  it('grants notifications to the app itself', () => {
    const { request, check } = fakeSession();
    expect(request('notifications', APP)).toBe(true);
    expect(check('notifications', 'app://followthrough')).toBe(true);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown'])(
    'denies %s, even to the app',
    (permission) => {
      const { request, check } = fakeSession();
      expect(request(permission, APP)).toBe(false);
      expect(check(permission, 'app://followthrough')).toBe(false);
    },
  );

  it('denies notifications to any other origin', () => {
    const { request, check } = fakeSession();
    expect(request('notifications', 'https://example.com/')).toBe(false);
    expect(check('notifications', 'file://')).toBe(false);
    expect(isPermissionGranted('notifications', undefined)).toBe(false);
  });

  it('denies device access', () => {
    expect(fakeSession().device()).toBe(false);
  });
});
