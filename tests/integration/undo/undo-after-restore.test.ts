import { afterEach, describe, expect, it } from 'vitest';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp, openSteps } from '../followups/helpers.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

describe('undo after a restore', () => {
  it('has nothing to undo: the entries described rows the restore replaced', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({ displayName: 'Ada', metOn: '2026-11-16' });
    const backup = await app.api['data.export']({ format: 'json' });
    const [step] = await openSteps(app, ada.id);
    await app.api['followups.done']({ id: step!.id });
    expect(await app.api['undo.last']({})).not.toBeNull();

    await app.api['data.restore']({ content: backup.content, confirm: true });
    expect(await app.api['undo.last']({})).toBeNull();
  });
});
