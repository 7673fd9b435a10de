import { afterEach, describe, expect, it } from 'vitest';
import { openAppContext } from '../../../src/main/app/context.ts';
import { watchExternalChanges } from '../../../src/main/app/external-changes.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import type { ChangeScope } from '../../../src/shared/api/pushes.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

// Another connection to the same file (the CLI next to `serve` or the desktop app) writes: the
// running shell announces it, so its pages reload and its scheduler looks again.

let app: TempApp | undefined;
afterEach(() => app?.cleanup());

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('writes by another process', () => {
  it('are announced on the running shell’s bus; its own writes are not announced twice', async () => {
    app = openTempApp();
    const announced: (readonly ChangeScope[])[] = [];
    const stop = watchExternalChanges(app.context.db, app.context.bus, { intervalMs: 10 });
    app.context.bus.subscribe((event) => {
      if (event.type === 'data-changed') announced.push(event.scopes);
    });

    // Its own write: announced once, by the dispatcher.
    await app.api['events.create']({ name: 'Own', date: '2026-03-10' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(announced).toEqual([['events']]);

    const other = openAppContext({
      shell: 'cli',
      dataDir: app.dir,
      databasePath: app.databasePath,
      settings: inMemorySettings(),
    });
    try {
      await other.dispatch('contacts.create', { displayName: 'Written by the CLI' });
    } finally {
      other.close();
    }
    await until(() => announced.length > 1);
    stop();
    expect(announced[1]).toEqual(['contacts', 'events', 'interactions', 'followups', 'mail']);
  });
});
