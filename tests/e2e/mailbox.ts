import { type Dovecot, startDovecot } from '../helpers/dovecot.ts';
import { test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

export interface SpecMailbox {
  readonly dovecot: Dovecot;
  /** The mailbox as the account "Home", its password from the variable; no IDLE connection. */
  addAccount(server: RunningServer): Promise<unknown>;
}

/**
 * A real Dovecot with one user for the whole spec, started before its tests and removed after.
 * The password goes into `variable` of this process's environment at once: the server fixture
 * starts `serve` with that environment, and the browser shell only takes passwords from there.
 */
export function specMailbox(me: {
  user: string;
  password: string;
  variable: string;
  address: string;
}): SpecMailbox {
  process.env[me.variable] = me.password;
  let dovecot: Dovecot | undefined;
  test.beforeAll(async () => {
    dovecot = await startDovecot({ [me.user]: me.password });
  });
  test.afterAll(async () => {
    await dovecot?.cleanup();
  });
  const started = (): Dovecot => {
    if (!dovecot) throw new Error('specMailbox(): the mailbox is used inside a test');
    return dovecot;
  };
  return {
    get dovecot() {
      return started();
    },
    addAccount: (server) =>
      server.call('mail.accounts.add', {
        name: 'Home',
        host: '127.0.0.1',
        port: started().port,
        security: 'insecure-local',
        user: me.user,
        credential: { kind: 'env', variable: me.variable },
        myAddresses: [me.address],
        idle: false,
      }),
  };
}
