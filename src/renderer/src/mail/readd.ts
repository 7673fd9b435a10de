import type { MailAccount, MailAccountDraft } from '../../../shared/domain/mail.ts';

/**
 * Undo of a removal: the same account added again, untried (it was working a moment ago). Only
 * where nothing secret went with it: a kept password's file is deleted with the account, and a
 * password command may only be named from the command line. Its sync positions are gone, so the
 * next pass reads the window again; messages already kept are known by Message-ID, none doubles.
 */
export function readdDraft(account: MailAccount): MailAccountDraft | null {
  if (account.credential.kind !== 'env') return null;
  return {
    name: account.name,
    host: account.host,
    port: account.port,
    security: account.security,
    user: account.user,
    auth: account.auth,
    credential: account.credential,
    folders: account.folders,
    myAddresses: account.myAddresses,
    idle: account.idle,
    verify: false,
  };
}
