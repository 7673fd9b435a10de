import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch.ts';
import { type Registry, read, write } from '../../src/main/core/registry.ts';
import type { ChangeScope } from '../../src/shared/api/pushes.ts';
import { openTempApp, type TempApp } from '../helpers/temp-app.ts';

// Handlers declare the scopes they change where they are registered; the dispatcher announces
// them. Before, interactions.add and followups.done announced only "followups", so an open
// contact page never showed the interaction a notification's Done had logged.

let app: TempApp;
let announced: ChangeScope[][];
beforeEach(() => {
  app = openTempApp('2026-03-10T09:00:00.000Z');
  announced = [];
  app.context.bus.subscribe((event) => {
    if (event.type === 'data-changed') announced.push([...event.scopes]);
  });
});
afterEach(() => app.cleanup());

const scopesOf = (method: keyof Registry) => [...app.context.handlers[method].changes].sort();

describe('change scopes', () => {
  it('are declared for what each write really changes', () => {
    expect(scopesOf('interactions.add')).toEqual(['contacts', 'followups', 'interactions']);
    expect(scopesOf('interactions.delete')).toEqual(['contacts', 'followups', 'interactions']);
    expect(scopesOf('followups.done')).toEqual(['contacts', 'followups', 'interactions']);
    expect(scopesOf('events.create')).toEqual(['events']);
    expect(scopesOf('events.update')).toEqual(['contacts', 'events']);
    expect(scopesOf('contacts.merge')).toEqual(['contacts', 'events', 'followups', 'interactions']);
    expect(scopesOf('contacts.list')).toEqual([]);
  });

  it('are announced once after a write that changed something, and not after a read', async () => {
    const ada = await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    expect(announced).toEqual([['contacts', 'followups', 'events']]);
    announced = [];
    await app.api['contacts.list']({});
    await app.api['interactions.list']({ contactId: ada.id });
    expect(announced).toEqual([]);

    const [step] = await app.api['followups.list']({ contactId: ada.id });
    await app.api['followups.done']({ id: step!.id, channel: 'email' });
    expect(announced).toEqual([['followups', 'interactions', 'contacts']]);
  });

  it('are not announced when a write changed nothing (Today with nothing to settle)', async () => {
    await app.api['followups.today']({});
    expect(announced).toEqual([]);
  });

  it('settings live in a file: their change is announced even though no row changed', async () => {
    await app.api['settings.update']({ caps: { dailyBudget: 12 } });
    expect(announced).toEqual([['settings', 'followups']]);
  });

  it('a handler registered as a read that writes fails its call in tests, and is reported otherwise', async () => {
    const sneaky: Registry = {
      ...app.context.handlers,
      'contacts.tags': read(() => {
        app.context.db
          .prepare(
            "INSERT INTO events (name, date, created_at, updated_at) VALUES ('x', '2026-03-10', '', '')",
          )
          .run();
        return [];
      }),
    };
    const strict = createDispatch(sneaky, { countChanges: () => totalChanges(), strictScopes: true });
    const envelope = await strict('contacts.tags', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });

    const reported: string[] = [];
    const lenient = createDispatch(sneaky, {
      countChanges: () => totalChanges(),
      onInternalError: (method, error) => reported.push(`${method}: ${(error as Error).message}`),
    });
    expect((await lenient('contacts.tags', {})).ok).toBe(true);
    expect(reported).toEqual([
      expect.stringMatching(
        /^contacts\.tags: contacts\.tags changed the database but is registered as a read/,
      ),
    ]);
  });

  it('a failed write announces nothing', async () => {
    const failing: Registry = {
      ...app.context.handlers,
      'events.create': write(['events'], () => {
        throw new Error('disk full');
      }),
    };
    const dispatch = createDispatch(failing, {
      countChanges: () => totalChanges(),
      announce: (scopes) => announced.push([...scopes]),
      onInternalError: () => {},
    });
    expect((await dispatch('events.create', { name: 'X', date: '2026-03-10' })).ok).toBe(false);
    expect(announced).toEqual([]);
  });
});

function totalChanges(): number {
  return app.context.db.prepare('SELECT total_changes()').pluck().get() as number;
}
