import { afterAll, beforeAll } from 'vitest';
import type { MailAccount, MailAccountDraft } from '../../../src/shared/domain/mail.ts';
import { type Dovecot, startDovecot } from '../../helpers/dovecot.ts';
import type { TempApp } from '../../helpers/temp-app.ts';

/** Test users u1…u12, each with its own password; a test uses users of its own. */
export const USERS: Record<string, string> = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`u${i + 1}`, `pw-of-u${i + 1}-Zq8`]),
);

/**
 * One test Dovecot holding USERS for the whole file (starting it takes seconds; each test uses
 * users of its own), stopped and removed after the file, also when a test fails.
 */
export function dovecotForFile(): { readonly server: Dovecot } {
  let server: Dovecot | undefined;
  beforeAll(async () => {
    server = await startDovecot(USERS);
  }, 30_000);
  afterAll(async () => {
    await server?.cleanup();
  });
  return {
    get server(): Dovecot {
      if (!server) throw new Error('dovecotForFile(): the server is used inside a test');
      return server;
    },
  };
}

export const myAddress = (user: string) => `${user}@example.test`;
export const passwordVariable = (user: string) => `FT_TEST_MAIL_PASSWORD_${user.toUpperCase()}`;

/** The account of a test user on the test Dovecot, its password from an environment variable. */
export async function addAccount(
  app: TempApp,
  server: Dovecot,
  user: string,
  extra: Partial<MailAccountDraft> = {},
): Promise<MailAccount> {
  process.env[passwordVariable(user)] = USERS[user];
  return app.api['mail.accounts.add']({
    name: user,
    host: '127.0.0.1',
    port: server.port,
    security: 'insecure-local',
    user,
    credential: { kind: 'env', variable: passwordVariable(user) },
    myAddresses: [myAddress(user)],
    ...extra,
  });
}

export const count = (app: TempApp, table: string): number =>
  app.context.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
