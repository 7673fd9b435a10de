import { afterEach, describe, expect, it } from 'vitest';
import { createSyncService } from '../../../src/main/sync/sync-service.ts';
import { DAV_PASSWORD, DAV_SERVERS, type DavServer, listObjects } from '../../helpers/dav-servers.ts';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;

let app: TempApp | undefined;
let server: DavServer | undefined;
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.stop();
  app?.cleanup();
});

describe.each(DAV_SERVERS)('a server that does not answer ($name)', ({ start }) => {
  it('times out, retries with backoff, keeps the change with the error in words, and pushes it once later', async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-'));
    proxy = await startFaultProxy(server.base);
    await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    const account = await app.api['sync.accounts.add']({
      url: `${proxy.base}/`,
      user: server.user,
      credential: { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' },
    });
    const { context } = app;
    const waits: number[] = [];
    const service = createSyncService(
      { ...context, info: await app.api['app.info']({}) },
      {
        timeoutMs: 300,
        retry: {
          retries: 2,
          backoffMs: 50,
          sleep: async (ms) => {
            waits.push(ms);
          },
        },
      },
    );
    // Every PUT is applied by the server but never answered.
    proxy.inject({ method: 'PUT', fault: { kind: 'hang' }, times: 3 });
    const stuck = await service.run();
    expect(waits).toEqual([50, 100]);
    expect(stuck.errors).toEqual([expect.stringMatching(/127\.0\.0\.1:\d+ did not answer within 300 ms/)]);
    expect(stuck.pending).toBeGreaterThan(0);
    expect((await app.api['sync.status']({})).accounts[0]?.outboxError).toMatch(/did not answer/);

    proxy.clear();
    const healed = await service.run();
    expect(healed).toMatchObject({ pending: 0, errors: [] });
    const steps = await app.api['followups.list']({ statuses: ['pending'] });
    const collection = new URL(new URL(account.calendarUrl!).pathname, server.base).href;
    expect(await listObjects(server, collection)).toHaveLength(steps.length);
  });
});
