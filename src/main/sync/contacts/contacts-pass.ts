import { randomUUID } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js/min';
import type { SyncConflict } from '../../../shared/domain/sync.ts';
import type { SyncAddressBookFound } from '../../../shared/domain/sync-collections.ts';
import { loadKnownContacts } from '../../imports/known-contacts.ts';
import {
  type CardPutRow,
  cardPutAtHref,
  cardPutOf,
  dropCardPut,
  saveCardPut,
  unansweredCreates,
} from '../../store/sync-card-puts-store.ts';
import {
  addressbookState,
  type CardReviewRow,
  cardAtHref,
  cardEtags,
  cardOfContact,
  cardsChangedHere,
  cardsInState,
  conflictsOf,
  contactUpdatedAt,
  dropConflict,
  dropReview,
  listConflicts,
  listReviews,
  type SyncCardRow,
  saveCard,
  saveConflict,
  saveReview,
  setAddressbookLink,
  setAddressbookState,
  setCardState,
  unlinkedContactIds,
} from '../../store/sync-cards-store.ts';
import { writeTransaction } from '../../store/transaction.ts';
import { type ReadMode, readChanges } from '../calendar-read.ts';
import { requireCollection } from '../collection-choice.ts';
import type { DavSession } from '../dav-session.ts';
import type { SyncProgress } from '../sync-progress.ts';
import {
  applyToContact,
  archiveContact,
  createFromCard,
  isArchivedHere,
  type LocalDeps,
  localFields,
} from './apply-local.ts';
import { buildCard, canonicalFields } from './card-write.ts';
import {
  deleteCard,
  putCard,
  readCard,
  readCards,
  resolveAddressbook,
  type ServerCardText,
} from './carddav.ts';
import { planFirstLink } from './link-plan.ts';
import { readCardFields, type ScalarField, type SyncedFields } from './synced-fields.ts';
import { agreedBase, mergeFields } from './three-way.ts';

export interface ContactPassDeps extends LocalDeps {
  region: CountryCode;
  /** Counts for the window (cards read, matched, sent); the pass never depends on it. */
  progress?: SyncProgress;
}

export interface ContactAccount {
  id: number;
  /** The address book's name (or address) as the account gives it, for the words of an error. */
  addressbook: string;
}

export interface ContactPassResult {
  /** Cards created or updated on the server. */
  pushed: number;
  /** Changed server cards read and merged in. */
  pulled: number;
  /** Contacts made here from new server cards. */
  created: number;
  /** Contacts archived here because their card was deleted on the server. */
  archived: number;
  conflicts: SyncConflict[];
  /** Cards the first link could only guess at, waiting for the user. */
  reviews: number;
  /** Contacts deleted here whose card waits for the user's word to be deleted there. */
  awaitingDelete: number;
  errors: string[];
}

/** Cards read per addressbook-multiget. */
const MULTIGET = 100;
/** A PUT answered 412 (changed on the server meanwhile) is merged again this many times. */
const ROUNDS = 3;

/**
 * One contact pass for an account: the first link (matching, never duplicating), then both ways:
 * cards changed on the server merged in field by field, contacts changed here PUT with If-Match,
 * cards deleted there archived here, new contacts on either side created on the other. Conflicts
 * are kept with both values; a contact deleted here waits for the user (confirmDeletes).
 */
export async function syncContacts(
  deps: ContactPassDeps,
  session: DavSession,
  account: ContactAccount,
  mode: ReadMode = 'auto',
): Promise<ContactPassResult> {
  const { db } = deps;
  const result: ContactPassResult = {
    pushed: 0,
    pulled: 0,
    created: 0,
    archived: 0,
    conflicts: [],
    reviews: 0,
    awaitingDelete: 0,
    errors: [],
  };
  let state = addressbookState(db, account.id);
  if (!state) throw new Error(`There is no sync account with id ${account.id}.`);
  deps.progress?.('contacts', 'reading', 0, 0);
  if (state.url) {
    await requireCollection(session, state.url, 'addressbook', account.addressbook);
  } else {
    // Found by what the account names once (made for a name none has), then kept by its URL.
    const book = (await resolveAddressbook(session, account.addressbook, true)) as SyncAddressBookFound;
    state = { ...state, url: book.url };
    const saved = state;
    writeTransaction(db, () => {
      setAddressbookState(db, account.id, saved);
      setAddressbookLink(db, account.id, book);
    });
  }
  const url = state.url as string;
  const pass = new Pass(deps, session, account.id, url, result);
  await pass.settleStrandedCreates();
  // Cards the server has as far as this side knows: linked ones and those waiting for a delete.
  const known = new Map(
    cardEtags(db, account.id)
      .filter((r) => r.state !== 'deleted-there')
      .map((r) => [r.href, r.etag]),
  );
  const changes = await readChanges(
    session,
    url,
    { syncToken: state.syncToken, ctag: state.ctag },
    known,
    mode,
  );
  const handled = new Set<number>();
  if (state.linkedAt === null) {
    await pass.firstLink(
      changes.changed.map((c) => c.path),
      handled,
    );
  } else {
    await pass.pull(changes.changed, changes.deleted, handled);
  }
  const changedHere = cardsChangedHere(db, account.id);
  // Counted now, for the window; each list is still read where it was, after the loop before it.
  const sending = sendingCount(deps, [
    changedHere.length,
    deps.progress ? cardsInState(db, account.id, 'deleted-there').length : 0,
    deps.progress ? unlinkedContactIds(db, account.id).length : 0,
  ]);
  for (const row of sending.take(0, changedHere)) {
    sending.next();
    if (handled.has(row.contactId)) continue;
    await pass.merge(row, { path: row.href, etag: row.etag, data: row.card }, JSON.parse(row.base));
  }
  // Unarchived after its card was deleted on the server: the undo puts the card back.
  for (const row of sending.take(1, cardsInState(db, account.id, 'deleted-there'))) {
    sending.next();
    const fields = localFields(db, row.contactId);
    if (fields && !isArchivedHere(db, row.contactId))
      await pass.createThere(row.contactId, row.href, row.uid);
  }
  // A contact a card was matched to this pass is never sent up as a second card, even when
  // its merge could not be saved.
  for (const id of sending.take(2, unlinkedContactIds(db, account.id))) {
    sending.next();
    if (!handled.has(id)) await pass.createThere(id);
  }
  // Every conflict still open, not only those found now: the run's JSON says what waits.
  result.conflicts = openConflicts(db, account.id);
  result.reviews = listReviews(db, account.id).length;
  result.awaitingDelete = cardsInState(db, account.id, 'deleted-here').length;
  const linkedAt = state.linkedAt ?? deps.now();
  // The token (or ctag) read before this pass's own PUTs: the next pass sees them once, with the
  // ETags recorded here, and reads nothing for them.
  writeTransaction(db, () => setAddressbookState(db, account.id, { url, ...changes.state, linkedAt }));
  return result;
}

/**
 * Counts the last part of a pass (contacts that may be PUT) for the window: `next` for each.
 * `take` passes a list through as it is read, the total corrected from its estimate.
 */
function sendingCount(deps: ContactPassDeps, estimates: number[]) {
  let done = 0;
  let total = estimates.reduce((a, b) => a + b, 0);
  return {
    take<T>(part: number, list: T[]): T[] {
      total += list.length - (estimates[part] ?? 0);
      return list;
    },
    next(): void {
      deps.progress?.('contacts', 'writing', ++done, total);
    },
  };
}

function openConflicts(db: ContactPassDeps['db'], accountId: number): SyncConflict[] {
  return listConflicts(db)
    .filter((c) => c.accountId === accountId)
    .map((c) => ({
      accountId,
      kind: 'contact',
      entityId: c.contactId,
      field: c.field,
      local: c.local,
      remote: c.remote,
    }));
}

class Pass {
  readonly deps: ContactPassDeps;
  readonly session: DavSession;
  readonly accountId: number;
  readonly url: string;
  readonly result: ContactPassResult;

  constructor(
    deps: ContactPassDeps,
    session: DavSession,
    accountId: number,
    url: string,
    result: ContactPassResult,
  ) {
    this.deps = deps;
    this.session = session;
    this.accountId = accountId;
    this.url = url;
    this.result = result;
  }

  private async read(paths: string[]): Promise<ServerCardText[]> {
    const out: ServerCardText[] = [];
    for (let i = 0; i < paths.length; i += MULTIGET) {
      out.push(...(await readCards(this.session, this.url, paths.slice(i, i + MULTIGET))));
      this.deps.progress?.('contacts', 'reading', Math.min(i + MULTIGET, paths.length), paths.length);
    }
    return out;
  }

  async firstLink(paths: string[], handled: Set<number>): Promise<void> {
    const { db } = this.deps;
    const sent: { sent: CardPutRow; card: ServerCardText }[] = [];
    const cards: ServerCardText[] = [];
    for (const card of await this.read(paths)) {
      const create = cardPutAtHref(db, this.accountId, card.path);
      if (create?.created) sent.push({ sent: create, card });
      else cards.push(card);
    }
    const read = new Map(cards.map((c) => [c.path, { text: c, ...readCardFields(c.data) }]));
    const plan = planFirstLink(
      [...read.values()].map((c) => ({ href: c.text.path, uid: c.uid, fields: c.fields })),
      loadKnownContacts(db),
      unlinkedContactIds(db, this.accountId),
      this.deps.region,
    );
    let matched = 0;
    for (const step of plan.cards) {
      this.deps.progress?.('contacts', 'matching', ++matched, plan.cards.length);
      const card = read.get(step.href);
      if (!card) continue;
      if (step.action === 'link') {
        handled.add(step.contactId);
        const row = this.row(step.contactId, card.text, card.uid ?? randomUUID(), card.fields);
        await this.merge(row, card.text, null);
      } else if (step.action === 'create-here') {
        this.createHere(card.text, card.uid, card.fields);
      } else {
        this.review(step.href, step.contactId, step.reason, card.text);
      }
    }
    await this.takeSentCreates(sent, handled);
  }

  async pull(
    listed: { path: string; etag: string | null }[],
    deleted: string[],
    handled: Set<number>,
  ): Promise<void> {
    const { db } = this.deps;
    const byPath = new Map(cardEtags(db, this.accountId).map((r) => [r.href, r]));
    const inReview = new Set(listReviews(db, this.accountId).map((r) => r.href));
    // Listed with the ETag already recorded: this side's own PUT, read back by sync-collection.
    const changed = listed
      .filter((c) => c.etag === null || byPath.get(c.path)?.etag !== c.etag)
      .map((c) => c.path);
    const fresh: { text: ServerCardText; uid: string | null; fields: SyncedFields }[] = [];
    const sentCreates: { sent: CardPutRow; card: ServerCardText }[] = [];
    const cards = await this.read(changed);
    let merged = 0;
    for (const card of cards) {
      this.deps.progress?.('contacts', 'matching', ++merged, cards.length);
      const known = byPath.get(card.path);
      const fields = readCardFields(card.data);
      this.result.pulled++;
      if (inReview.has(card.path)) {
        // Still waiting for the user's word: kept up to date, never taken in on its own.
        const review = listReviews(db, this.accountId).find((r) => r.href === card.path);
        if (review) this.review(card.path, review.contactId, review.reason, card);
        continue;
      }
      if (!known) {
        const sent = cardPutAtHref(db, this.accountId, card.path);
        if (sent?.created) sentCreates.push({ sent, card });
        else fresh.push({ text: card, uid: fields.uid, fields: fields.fields });
        continue;
      }
      const row = known.state === 'linked' ? cardAtHref(db, this.accountId, card.path) : undefined;
      if (row) {
        handled.add(row.contactId);
        await this.merge(row, card, JSON.parse(row.base));
      }
    }
    await this.takeNew(fresh, handled);
    await this.takeSentCreates(sentCreates, handled);
    for (const path of deleted) {
      if (inReview.has(path)) writeTransaction(db, () => dropReview(db, this.accountId, path));
      const row = byPath.get(path);
      if (row?.state !== 'linked') continue;
      writeTransaction(db, () => {
        if (archiveContact(this.deps, row.contactId)) this.result.archived++;
        setCardState(db, this.accountId, row.contactId, 'deleted-there');
      });
      handled.add(row.contactId);
    }
  }

  /**
   * Cards new on the server since the link (a phone's, another computer's). Matched by the first
   * link's rules against the contacts here that have no card yet, so a person added on both sides
   * between two passes is linked, not doubled; the others become contacts here.
   */
  private async takeNew(
    cards: { text: ServerCardText; uid: string | null; fields: SyncedFields }[],
    handled: Set<number>,
  ): Promise<void> {
    if (cards.length === 0) return;
    const { db } = this.deps;
    const open = unlinkedContactIds(db, this.accountId);
    const free = new Set(open);
    const byHref = new Map(cards.map((c) => [c.text.path, c]));
    const plan = planFirstLink(
      cards.map((c) => ({ href: c.text.path, uid: c.uid, fields: c.fields })),
      loadKnownContacts(db),
      open,
      this.deps.region,
    );
    for (const step of plan.cards) {
      const card = byHref.get(step.href);
      if (!card) continue;
      if (step.action === 'link' && free.has(step.contactId)) {
        free.delete(step.contactId);
        handled.add(step.contactId);
        await this.merge(
          this.row(step.contactId, card.text, card.uid ?? randomUUID(), card.fields),
          card.text,
          null,
        );
      } else if (step.action === 'review' && free.has(step.contactId)) {
        this.review(step.href, step.contactId, step.reason, card.text);
      } else {
        this.createHere(card.text, card.uid, card.fields);
      }
    }
  }

  private row(contactId: number, card: ServerCardText, uid: string, base: SyncedFields): SyncCardRow {
    return {
      accountId: this.accountId,
      contactId,
      href: card.path,
      uid,
      etag: card.etag,
      card: card.data,
      base: JSON.stringify(base),
      localUpdatedAt: '',
      state: 'linked',
      syncedAt: this.deps.now(),
    };
  }

  private createHere(card: ServerCardText, uid: string | null, fields: SyncedFields): void {
    const { db } = this.deps;
    writeTransaction(db, () => {
      const made = createFromCard(this.deps, fields);
      if ('error' in made) {
        this.result.errors.push(`The card ${card.path} was not taken in: ${made.error}.`);
        return;
      }
      const row = this.row(made.id, card, uid ?? randomUUID(), fields);
      saveCard(db, { ...row, localUpdatedAt: contactUpdatedAt(db, made.id) ?? '' });
      this.result.created++;
    });
  }

  private review(href: string, contactId: number, reason: string, card: ServerCardText): void {
    const r: CardReviewRow = {
      accountId: this.accountId,
      href,
      contactId,
      reason,
      etag: card.etag,
      card: card.data,
      foundAt: this.deps.now(),
    };
    writeTransaction(this.deps.db, () => saveReview(this.deps.db, r));
  }

  /** Three-way merge of one linked contact with the server's card, PUT when the server lacks some. */
  async merge(row: SyncCardRow, remoteCard: ServerCardText, base: SyncedFields | null): Promise<void> {
    const { db } = this.deps;
    let card = remoteCard;
    const stranded = cardPutOf(db, this.accountId, row.contactId);
    if (stranded?.created && stranded.href !== row.href && !(await this.settleStranded(stranded))) return;
    // This card's last PUT got no answer: where the server holds what it sent, it arrived, and
    // those fields are agreed (else this side's own value would read as the server's edit).
    const sent = cardPutOf(db, this.accountId, row.contactId);
    const unanswered = sent?.href === row.href ? sent : undefined;
    if (unanswered && base !== null)
      base = agreedBase(base, JSON.parse(unanswered.fields), readCardFields(card.data).fields);
    for (let round = 0; round < ROUNDS; round++) {
      const remote = readCardFields(card.data);
      const now = this.deps.now();
      // Read, merged and written in one transaction: no other process's edit falls between the
      // read and the write, and a card that needs no PUT (each card of a first link that is the
      // contact already) is done with one commit.
      const merged = writeTransaction(db, () => {
        const local = localFields(db, row.contactId);
        if (!local) return null; // deleted here meanwhile: the trigger marked the card
        const held = new Set(
          conflictsOf(db, this.accountId, row.contactId).map((c) => c.field as ScalarField),
        );
        const canonical = canonicalFields(local, now);
        const out = mergeFields({
          base,
          local: canonical,
          remote: remote.fields,
          remoteAppFieldsKept: remote.appFieldsKept,
          held,
        });
        const done = applyToContact(this.deps, row.contactId, out.localChanges);
        if ('error' in done) {
          this.result.errors.push(
            `The server's changes to contact ${row.contactId} were not taken in: ${done.error}.`,
          );
          return null;
        }
        this.keepConflicts(row.contactId, out.conflicts, held);
        if (unanswered) dropCardPut(db, this.accountId, row.contactId);
        const applied = contactUpdatedAt(db, row.contactId) ?? '';
        if (out.remote === null) {
          saveCard(db, {
            ...row,
            etag: card.etag,
            card: card.data,
            base: JSON.stringify(remote.fields),
            localUpdatedAt: applied,
            syncedAt: now,
          });
          return { applied, remote: null };
        }
        // Before the PUT, which may never arrive: what both sides now hold is agreed. The
        // contact's own time is left as it was, so what must still go out is sent next pass.
        // With nothing taken in, the contact is still as read above.
        const taken = Object.keys(out.localChanges).length > 0;
        const after = taken ? localFields(db, row.contactId) : local;
        const agreed = after
          ? agreedBase(base, taken ? canonicalFields(after, now) : canonical, remote.fields)
          : base;
        if (agreed !== base || unanswered) {
          saveCard(db, { ...row, etag: card.etag, card: card.data, base: JSON.stringify(agreed) });
          base = agreed;
        }
        return { applied, remote: out.remote };
      });
      if (merged === null || merged.remote === null) return;
      const { applied } = merged;
      const text = buildCard(merged.remote, { uid: row.uid, previous: card.data, now });
      const fields = JSON.stringify(readCardFields(text).fields);
      this.sending({ contactId: row.contactId, href: row.href, uid: row.uid, created: false, fields });
      const put = await putCard(this.session, this.url, row.href, text, card.etag);
      if (put.ok) {
        this.result.pushed++;
        writeTransaction(db, () => {
          saveCard(db, {
            ...row,
            etag: put.etag,
            card: text,
            base: fields,
            localUpdatedAt: applied,
            syncedAt: now,
          });
          dropCardPut(db, this.accountId, row.contactId);
        });
        return;
      }
      // Refused: it did not arrive, nothing to fold in later.
      writeTransaction(db, () => dropCardPut(db, this.accountId, row.contactId));
      // 412: a phone changed the card since it was read. Read it again and merge with that.
      const [fresh] = await readCards(this.session, this.url, [row.href]);
      if (!fresh) return;
      card = fresh;
    }
    this.result.errors.push(
      `The card of contact ${row.contactId} kept changing on the server; it is merged next time.`,
    );
  }

  private keepConflicts(
    contactId: number,
    conflicts: ReturnType<typeof mergeFields>['conflicts'],
    held: Set<ScalarField>,
  ) {
    const { db } = this.deps;
    const now = this.deps.now();
    for (const c of conflicts) {
      saveConflict(db, { accountId: this.accountId, contactId, ...c, detectedAt: now });
    }
    // Held fields that agree again (the user made both sides equal) are resolved.
    for (const open of conflictsOf(db, this.accountId, contactId)) {
      if (held.has(open.field as ScalarField) && !conflicts.some((c) => c.field === open.field))
        dropConflict(db, open.id);
    }
  }

  /** A contact new here (or put back after its card was deleted there) PUT as a new card. */
  async createThere(contactId: number, path?: string, uid?: string): Promise<void> {
    const { db } = this.deps;
    const local = localFields(db, contactId);
    if (!local) return;
    const now = this.deps.now();
    const updatedAt = contactUpdatedAt(db, contactId) ?? '';
    // A create sent before without an answer goes again to the same href: never a second card.
    const earlier = cardPutOf(db, this.accountId, contactId);
    const retry = earlier?.created ? earlier : undefined;
    const cardUid = retry?.uid ?? uid ?? randomUUID();
    const href = retry?.href ?? path ?? `${new URL(this.url).pathname.replace(/\/?$/, '/')}${cardUid}.vcf`;
    const text = buildCard(local, { uid: cardUid, previous: null, now });
    const fields = JSON.stringify(readCardFields(text).fields);
    this.sending({ contactId, href, uid: cardUid, created: true, fields });
    const put = await putCard(this.session, this.url, href, text, null);
    if (!put.ok) {
      // Taken: by the earlier create, whose answer was lost (read and linked), or by another client.
      const [there] = retry ? await readCards(this.session, this.url, [href]) : [];
      if (there && retry && (await this.takeSentCreate(retry, there))) return;
      writeTransaction(db, () => dropCardPut(db, this.accountId, contactId));
      this.result.errors.push(
        `A card already exists at ${href}; contact ${contactId} is linked at the next pass.`,
      );
      return;
    }
    this.result.pushed++;
    writeTransaction(db, () => {
      dropCardPut(db, this.accountId, contactId);
      saveCard(db, {
        accountId: this.accountId,
        contactId,
        href,
        uid: cardUid,
        etag: put.etag,
        card: text,
        base: fields,
        localUpdatedAt: updatedAt,
        state: 'linked',
        syncedAt: now,
      });
    });
  }

  /** Recorded before a PUT is sent: if its answer never comes, the next pass knows what went. */
  private sending(p: Omit<CardPutRow, 'accountId' | 'sentAt'>): void {
    const row: CardPutRow = { ...p, accountId: this.accountId, sentAt: this.deps.now() };
    writeTransaction(this.deps.db, () => saveCardPut(this.deps.db, row));
  }

  /**
   * Cards at the hrefs of creates sent without an answer, after this pass's matching: a contact
   * that matching linked to another card (a phone's, another device's) keeps that one, and its
   * own create is settled; the others are linked to the card their create made.
   */
  private async takeSentCreates(
    sent: readonly { sent: CardPutRow; card: ServerCardText }[],
    handled: Set<number>,
  ): Promise<void> {
    for (const s of sent) {
      // Settled already, when matching linked its contact elsewhere (merge settles first).
      const still = cardPutOf(this.deps.db, this.accountId, s.sent.contactId);
      if (!still?.created || still.href !== s.sent.href) continue;
      if (cardOfContact(this.deps.db, this.accountId, s.sent.contactId)) await this.settleStranded(s.sent);
      else if (await this.takeSentCreate(s.sent, s.card)) handled.add(s.sent.contactId);
    }
  }

  /** Every create sent without an answer whose contact has since been linked to another card. */
  async settleStrandedCreates(): Promise<void> {
    const { db } = this.deps;
    for (const sent of unansweredCreates(db, this.accountId)) {
      const card = cardOfContact(db, this.accountId, sent.contactId);
      if (card && card.href !== sent.href) await this.settleStranded(sent);
    }
  }

  /**
   * A create sent without an answer, for a contact now linked to another card (matched to a
   * phone's card, or merged with a contact that had one). Sent again, it would make a second card
   * for the person; arrived, it is one. So: not there, the row goes; there, what it holds beyond
   * what was sent (a phone's edit since) is merged into the contact, and then it is deleted, with
   * If-Match, so an edit made after that read is merged next pass rather than lost. The contact's
   * own fields reach the server through its linked card. False while the card is still there.
   */
  private async settleStranded(sent: CardPutRow): Promise<boolean> {
    const { db } = this.deps;
    const base = JSON.parse(sent.fields) as SyncedFields;
    for (let round = 0; round < ROUNDS; round++) {
      const there = await readCard(this.session, this.url, sent.href);
      if (there) {
        const remote = readCardFields(there.data);
        const taken = writeTransaction(db, () => {
          const local = localFields(db, sent.contactId);
          if (!local) return true; // deleted here: its linked card waits for the user's word
          const held = new Set(
            conflictsOf(db, this.accountId, sent.contactId).map((c) => c.field as ScalarField),
          );
          const out = mergeFields({
            base,
            local: canonicalFields(local, this.deps.now()),
            remote: remote.fields,
            remoteAppFieldsKept: remote.appFieldsKept,
            held,
          });
          const done = applyToContact(this.deps, sent.contactId, out.localChanges);
          if ('error' in done) {
            this.result.errors.push(
              `The card ${sent.href} of contact ${sent.contactId} was not merged in: ${done.error}.`,
            );
            return false;
          }
          this.keepConflicts(sent.contactId, out.conflicts, held);
          return true;
        });
        if (!taken) return false;
        if ((await deleteCard(this.session, this.url, sent.href, there.etag)) === 'changed') continue;
      }
      writeTransaction(db, () => {
        // Only this create's row: a later PUT's row for the linked card is that card's business.
        const now = cardPutOf(db, this.accountId, sent.contactId);
        if (now?.created && now.href === sent.href) dropCardPut(db, this.accountId, sent.contactId);
      });
      return true;
    }
    this.result.errors.push(
      `The card ${sent.href}, a second card of contact ${sent.contactId}, kept changing on the server; it is merged and removed next time.`,
    );
    return false;
  }

  /**
   * The card found at the href of a create whose answer never came: it is that create, so it is
   * linked to its contact with what was sent as the merge base (a phone's edit since then is an
   * edit there), never taken in as a stranger's card. A contact deleted here meanwhile keeps the
   * card as waiting for the user's word. False when the contact is linked to another card.
   */
  private async takeSentCreate(sent: CardPutRow, card: ServerCardText): Promise<boolean> {
    const { db } = this.deps;
    if (cardOfContact(db, this.accountId, sent.contactId)) return false;
    const row = this.row(sent.contactId, card, sent.uid, JSON.parse(sent.fields));
    if (!localFields(db, sent.contactId)) {
      writeTransaction(db, () => {
        saveCard(db, { ...row, state: 'deleted-here' });
        dropCardPut(db, this.accountId, sent.contactId);
      });
      return true;
    }
    await this.merge(row, card, JSON.parse(sent.fields));
    return true;
  }
}
