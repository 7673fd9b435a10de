import { fillPhoneKeys, phoneRegion } from '../../contacts/phone-keys.ts';
import type { HandlerDeps } from '../../core/handler-deps.ts';
import { nowIso } from '../../core/handler-deps.ts';
import { getSyncAccount } from '../../store/sync-store.ts';
import type { ReadMode } from '../calendar-read.ts';
import { type DavSession, DEFAULT_TIMEOUT_MS, davSession } from '../dav-session.ts';
import { syncSecrets } from '../sync-credentials.ts';
import type { SyncProgress } from '../sync-progress.ts';
import { type ContactPassDeps, type ContactPassResult, syncContacts } from './contacts-pass.ts';

/** The contact pass's dependencies from a shell's. */
export function contactPassDeps(deps: HandlerDeps): ContactPassDeps {
  const region = phoneRegion(deps.settings.get());
  return {
    db: deps.db,
    engine: deps.engine,
    now: () => nowIso(deps),
    keyPhones: () => fillPhoneKeys(deps.db, region),
    region,
  };
}

/** The account's way to its server, its password asked for now (never kept). */
export async function accountSession(deps: HandlerDeps, accountId: number): Promise<DavSession> {
  const account = getSyncAccount(deps.db, accountId);
  if (!account) throw new Error(`There is no sync account with id ${accountId}.`);
  const secret = await syncSecrets(deps.info.dataDir)(account);
  return davSession(account.url, account.user, secret, DEFAULT_TIMEOUT_MS);
}

/**
 * One contact pass for an account that has an address book (`--addressbook NAME`); null for one
 * that syncs the calendar only. For `sync run` to call beside the calendar's pass.
 */
export async function runContactPass(
  deps: HandlerDeps,
  accountId: number,
  session?: DavSession,
  progress?: SyncProgress,
  mode: ReadMode = 'auto',
): Promise<ContactPassResult | null> {
  const account = getSyncAccount(deps.db, accountId);
  if (!account?.addressbook) return null;
  const passDeps = progress ? { ...contactPassDeps(deps), progress } : contactPassDeps(deps);
  return syncContacts(
    passDeps,
    session ?? (await accountSession(deps, accountId)),
    { id: account.id, addressbook: account.addressbook },
    mode,
  );
}
