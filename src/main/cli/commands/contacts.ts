import type { Command } from 'commander';
import type { ContactDraft, ContactSort } from '../../../shared/domain/contact.ts';
import type { Channel } from '../../../shared/domain/interaction.ts';
import { contactCard, contactRows, nextStepLine, printResult } from '../output.ts';
import type { CliSession } from '../session.ts';
import { collect, nonNegativeInt, positiveInt } from './options.ts';

interface AddOptions {
  first?: string;
  last?: string;
  company?: string;
  title?: string;
  email: string[];
  phone: string[];
  link: string[];
  tag: string[];
  location?: string;
  timeZone?: string;
  notes?: string;
  metOn?: string;
  event?: number;
  metWhere?: string;
  howMet?: string;
  discussed?: string;
  interests?: string;
  nextStep?: string;
  nextStepDue?: string;
  channel?: string;
}

export function registerContactCommands(program: Command, session: () => CliSession): void {
  const contacts = program.command('contacts').description('capture, list and find the people you met');

  contacts
    .command('add')
    .description('capture a contact (name plus any field)')
    .argument('<name>', 'display name, e.g. "Ada Lovelace"')
    .option('--first <name>', 'first name (guessed from the display name if omitted)')
    .option('--last <name>', 'last name')
    .option('--company <company>')
    .option('--title <title>')
    .option('--email <address>', 'e-mail address (repeatable)', collect, [])
    .option('--phone <number>', 'phone number (repeatable)', collect, [])
    .option('--link <url>', 'http(s) link such as a LinkedIn profile (repeatable)', collect, [])
    .option('--tag <tag>', 'tag (repeatable)', collect, [])
    .option('--location <place>')
    .option('--time-zone <iana>', 'e.g. Europe/Berlin')
    .option('--notes <text>')
    .option('--met-on <date>', 'day you met, YYYY-MM-DD (defaults to the event day)')
    .option('--event <id>', 'event where you met', positiveInt)
    .option('--met-where <place>', 'where you met, if not a recorded event')
    .option('--how-met <text>')
    .option('--discussed <text>', 'what you talked about')
    .option('--interests <text>')
    .option('--next-step <text>', 'the agreed next step')
    .option('--next-step-due <date>', 'when the next step is due, YYYY-MM-DD')
    .option('--channel <channel>', 'preferred channel: email, call, meeting, in_person, linkedin, text, ...')
    .action(async (name: string, o: AddOptions) => {
      const s = session();
      const draft: ContactDraft = {
        displayName: name,
        firstName: o.first,
        lastName: o.last,
        company: o.company,
        title: o.title,
        emails: o.email.map((value) => ({ value })),
        phones: o.phone.map((value) => ({ value })),
        links: o.link.map((url) => ({ url })),
        tags: o.tag,
        location: o.location,
        timeZone: o.timeZone,
        notes: o.notes,
        metOn: o.metOn,
        metEventId: o.event,
        metWhere: o.metWhere,
        howMet: o.howMet,
        discussed: o.discussed,
        interests: o.interests,
        nextStep: o.nextStep,
        nextStepDueOn: o.nextStepDue,
        preferredChannel: o.channel as Channel | undefined,
      };
      const contact = await s.call('contacts.create', draft);
      printResult(s.options.json, contact, () => `Added ${contact.displayName} (#${contact.id}).`);
    });

  contacts
    .command('list')
    .description('list contacts')
    .option('--sort <order>', 'name, lastInteraction, metOn or recentlyAdded', 'name')
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--event <id>', 'only contacts met at this event', positiveInt)
    .option('--archived', 'list archived contacts instead')
    .option('--imported', 'list imported contacts waiting for review')
    .option('--all', 'include archived contacts')
    .option('--limit <n>', 'how many (at most 500)', positiveInt, 50)
    .option('--offset <n>', 'skip this many', nonNegativeInt, 0)
    .action(
      async (o: {
        sort: string;
        tag?: string;
        event?: number;
        archived?: boolean;
        imported?: boolean;
        all?: boolean;
        limit: number;
        offset: number;
      }) => {
        const s = session();
        const page = await s.call('contacts.list', {
          sort: o.sort as ContactSort,
          tag: o.tag,
          eventId: o.event,
          status: o.all ? 'all' : o.archived ? 'archived' : o.imported ? 'imported' : 'active',
          limit: o.limit,
          offset: o.offset,
        });
        printResult(
          s.options.json,
          page,
          () => `${contactRows(page.items)}\n${footer(page.total, page.offset, page.items.length)}`,
        );
      },
    );

  contacts
    .command('reviewed')
    .description('mark imported contacts as reviewed, so follow-up planning includes them')
    .argument('[ids...]', 'contact ids (default: with --all, every imported contact)')
    .option('--all', 'every contact waiting for review')
    .action(async (ids: string[], o: { all?: boolean }) => {
      const s = session();
      const result = await s.call(
        'contacts.markReviewed',
        o.all ? { all: true } : { ids: ids.map((id) => positiveInt(id)) },
      );
      printResult(s.options.json, result, () => `Marked ${result.reviewed} contacts as reviewed.`);
    });

  contacts
    .command('next-step')
    .description('the agreed next step: show it, set it, give it a due date, mark it done, make it a promise')
    .argument('<id>', 'contact id', positiveInt)
    .option('--set <text>', 'a new agreed next step (starts open, without a due date unless --due)')
    .option('--due <date>', "when it is due, YYYY-MM-DD ('none' to clear)")
    .option('--done', 'mark it done')
    .option('--reopen', 'mark it not done after all')
    .option('--promise', 'make it a promise of yours, due on its due date (or --due)')
    .action(
      async (
        id: number,
        o: { set?: string; due?: string; done?: boolean; reopen?: boolean; promise?: boolean },
      ) => {
        const s = session();
        const due = o.due === 'none' ? null : o.due;
        let contact = await s.call('contacts.get', { id });
        if (o.set !== undefined || (due !== undefined && !o.promise)) {
          contact = await s.call('contacts.update', {
            id,
            patch: {
              ...(o.set !== undefined ? { nextStep: o.set } : {}),
              ...(due !== undefined ? { nextStepDueOn: due } : {}),
            },
          });
        }
        if (o.done || o.reopen) contact = await s.call('contacts.nextStepDone', { id, done: !o.reopen });
        if (o.promise) {
          const made = await s.call('contacts.nextStepToPromise', { id, ...(due ? { dueOn: due } : {}) });
          contact = made.contact;
        }
        printResult(s.options.json, contact, () => `${contact.displayName}: ${nextStepLine(contact)}`);
      },
    );

  contacts
    .command('search')
    .description('full-text search over names, companies, context, notes and the timeline')
    .argument('<query...>', 'words; each is prefix-matched')
    .option('--limit <n>', 'how many (at most 500)', positiveInt, 20)
    .option('--all', 'include archived contacts')
    .action(async (query: string[], o: { limit: number; all?: boolean }) => {
      const s = session();
      const page = await s.call('contacts.list', {
        query: query.join(' '),
        sort: 'relevance',
        status: o.all ? 'all' : 'active',
        limit: o.limit,
      });
      printResult(
        s.options.json,
        page,
        () => `${contactRows(page.items)}\n${footer(page.total, 0, page.items.length)}`,
      );
    });

  contacts
    .command('show')
    .description('show a contact with its follow-up context and timeline')
    .argument('<id>', 'contact id', positiveInt)
    .action(async (id: number) => {
      const s = session();
      const contact = await s.call('contacts.get', { id });
      const interactions = await s.call('interactions.list', { contactId: id });
      printResult(s.options.json, { ...contact, interactions }, () => contactCard(contact, interactions));
    });

  for (const [name, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    contacts
      .command(name)
      .description(
        archived ? 'archive a contact (kept, hidden from lists)' : 'bring an archived contact back',
      )
      .argument('<id>', 'contact id', positiveInt)
      .action(async (id: number) => {
        const s = session();
        const contact = await s.call('contacts.setArchived', { id, archived });
        printResult(
          s.options.json,
          contact,
          () => `${archived ? 'Archived' : 'Unarchived'} ${contact.displayName} (#${id}).`,
        );
      });
  }
}

function footer(total: number, offset: number, shown: number): string {
  if (total === 0) return '';
  return `${shown === total ? total : `${offset + 1}-${offset + shown} of ${total}`} contact${total === 1 ? '' : 's'}`;
}
