import type { ListResponse } from 'imapflow';
import type { MailAccount } from '../../../shared/domain/mail.ts';
import type { CredentialProvider } from '../credentials.ts';
import { connectAccount, describeImapError } from '../imap-connection.ts';
import { MailError } from '../mail-error.ts';

/**
 * The account's Drafts folder: the one flagged \Drafts (RFC 6154 §2), as every mail app finds
 * it; a name guessed from the language would put the draft where their client does not look.
 */
export function draftsFolder(list: readonly ListResponse[], account: Pick<MailAccount, 'name'>): string {
  const flagged = list.find((m) => m.specialUse === '\\Drafts');
  if (flagged) return flagged.path;
  throw new MailError(
    'server',
    `Mail account "${account.name}": the server names no Drafts folder (none is flagged \\Drafts; it has ${list
      .map((m) => m.path)
      .join(', ')}). Open your mail app once so it creates one, or copy the text instead.`,
  );
}

/**
 * APPENDs the message to the Drafts folder with the \Draft flag (RFC 3501 §2.3.2), so the mail
 * app lists it as a draft to edit and send. Its INTERNALDATE is the message's own date.
 */
export async function appendDraft(
  account: MailAccount,
  credentials: CredentialProvider,
  raw: Buffer,
  date: Date,
): Promise<{ folder: string }> {
  const client = await connectAccount(account, credentials);
  try {
    const folder = draftsFolder(await client.list(), account);
    const appended = await client.append(folder, raw, ['\\Draft'], date);
    if (!appended)
      throw new MailError('server', `Mail account "${account.name}": the server did not take the draft.`);
    return { folder };
  } catch (error) {
    throw describeImapError(account, error, null);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
