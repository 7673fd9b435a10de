import { ApiError } from '../../../shared/api/errors.ts';
import type { MailAccount } from '../../../shared/domain/mail.ts';
import type { PutInDraftsResult } from '../../../shared/domain/mail-drafts.ts';
import { loadComposeContext } from '../../compose/load-context.ts';
import type { HandlerDeps } from '../../core/handler-deps.ts';
import { type RegistrySlice, write } from '../../core/registry.ts';
import { deleteSavedDraft } from '../../store/compose-store.ts';
import { getAccount, listAccounts } from '../../store/mail-store.ts';
import { writeTransaction } from '../../store/transaction.ts';
import { type CredentialProvider, createCredentialProvider } from '../credentials.ts';
import { describeImapError } from '../imap-connection.ts';
import { MailError } from '../mail-error.ts';
import { buildDraft } from './build-draft.ts';
import { appendDraft } from './put-in-drafts.ts';

/**
 * "Put in Drafts". Nothing of the message is kept here: once it sits in the user's Drafts the
 * composer's saved copy goes (their mail app holds the text now), and the step stays open until
 * the sync finds the message in Sent, under the same Message-ID, and completes it as any message
 * sent from the mail app does (ingest.ts, mail-reactions.ts).
 */
export function mailDraftsHandlers(
  deps: HandlerDeps,
  credentials: CredentialProvider = createCredentialProvider({ dataDir: deps.info.dataDir }),
): RegistrySlice<'mail.putInDrafts'> {
  return {
    'mail.putInDrafts': write(['compose'], async (input): Promise<PutInDraftsResult> => {
      const now = deps.clock();
      const ctx = loadComposeContext(deps.db, deps.settings.get(), now, input, undefined);
      const to = ctx.contact.emails.find((e) => e.trim() !== '');
      if (!to)
        throw new ApiError(
          'invalid_input',
          `${ctx.contact.displayName} has no e-mail address to write to: add one on their page first.`,
          [{ path: 'contactId', message: 'the contact has no e-mail address' }],
        );
      const account = accountFor(deps, input.accountId);
      const from = fromAddress(account);
      const built = await buildDraft({
        from: { address: from, name: deps.settings.get().composer.myName },
        to: { address: to, name: ctx.contact.displayName },
        subject: input.subject ?? null,
        body: input.body,
        date: now,
      });
      try {
        const { folder } = await appendDraft(account, credentials, built.raw, now);
        writeTransaction(deps.db, () =>
          deleteSavedDraft(deps.db, { contactId: ctx.contact.id, stepId: ctx.step?.id ?? null }),
        );
        return { account: account.name, folder, messageId: built.messageId, from, to };
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw (error instanceof MailError ? error : describeImapError(account, error, null)).toApiError();
      }
    }),
  };
}

function accountFor(deps: HandlerDeps, id: number | undefined): MailAccount {
  if (id !== undefined) {
    const account = getAccount(deps.db, id);
    if (!account) throw new ApiError('not_found', `There is no mail account with id ${id}.`);
    return account;
  }
  const first = listAccounts(deps.db)[0];
  if (!first)
    throw new ApiError(
      'invalid_input',
      'No mail account is connected: add yours in Settings › Mail (or `mail accounts add`) to put drafts in it.',
    );
  return first;
}

/** Mine: the first address listed as the account's, else its user name when that is an address. */
function fromAddress(account: MailAccount): string {
  const address = account.myAddresses[0] ?? (/^[^@\s]+@[^@\s]+$/.test(account.user) ? account.user : null);
  if (address) return address;
  throw new ApiError(
    'invalid_input',
    `Mail account "${account.name}" has no address of yours to send from (its user name "${account.user}" is not one): add it to the account's addresses.`,
    [{ path: 'accountId', message: 'the account has no sender address' }],
  );
}
