import { ApiError } from '../../shared/api/errors.ts';
import type { ComposeChannel, ComposeTemplate, Draft, TemplateProblem } from '../../shared/domain/compose.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import {
  deleteSavedDraft,
  deleteUserTemplate,
  getSavedDraft,
  getUserTemplate,
  insertUserTemplate,
  listUserTemplates,
  previewContactId,
  saveDraft,
  updateUserTemplate,
} from '../store/compose-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { checkAndHandoff } from './check-and-handoff.ts';
import type { ComposeContext } from './context.ts';
import { loadComposeContext } from './load-context.ts';
import { builtInTemplates, draftFor, renderTemplate, templateProblems } from './templates-api.ts';

type ComposeHandlers = RegistrySlice<
  | 'compose.draft'
  | 'compose.check'
  | 'compose.save'
  | 'compose.discard'
  | 'templates.list'
  | 'templates.get'
  | 'templates.add'
  | 'templates.update'
  | 'templates.delete'
  | 'templates.preview'
>;

const DRAFTS = ['compose'] as const;

/** "user-12" → 12; built-in ids and anything else → null. */
function userTemplateRowId(id: string): number | null {
  const match = /^user-([1-9]\d{0,15})$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** Problems as contract issues, each naming the part and line ("body: line 3: …"). */
function refuseProblems(problems: readonly TemplateProblem[]): never {
  throw new ApiError(
    'invalid_input',
    `The template has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems
      .map((p) => `${p.part} line ${p.line}: ${p.message}`)
      .join('; ')}.`,
    problems.map((p) => ({ path: p.part, message: `line ${p.line}: ${p.message}` })),
  );
}

/**
 * The composer's calls. Drafting and checking only read; each reads its whole context at one
 * moment (one IMMEDIATE-free read: better-sqlite3 runs each statement on the same connection,
 * and the context is a handful of small queries, so a writer between them changes little that a
 * re-check would not catch). Saving a draft and the user's templates are the only writes.
 */
export function composeHandlers(deps: HandlerDeps): ComposeHandlers {
  const contextFor = (
    target: {
      stepId?: number | undefined;
      contactId?: number | undefined;
      purpose?: ComposeContext['purpose'];
    },
    locale: string | undefined,
  ) => loadComposeContext(deps.db, deps.settings.get(), deps.clock(), target, locale);

  const templatesFor = (purpose: ComposeContext['purpose'], channel: ComposeChannel): ComposeTemplate[] => [
    ...builtInTemplates().filter((t) => t.purpose === purpose && t.channel === channel),
    ...listUserTemplates(deps.db).filter((t) => t.purpose === purpose && t.channel === channel),
  ];

  const getTemplate = (id: string): ComposeTemplate => {
    const rowId = userTemplateRowId(id);
    const found =
      rowId === null ? builtInTemplates().find((t) => t.id === id) : getUserTemplate(deps.db, rowId);
    if (!found) throw new ApiError('not_found', `There is no template "${id}". See templates.list.`);
    return found;
  };

  return {
    'compose.draft': read((input): Draft => {
      const ctx = contextFor(input, input.locale);
      const saved = input.fresh
        ? undefined
        : getSavedDraft(deps.db, { contactId: ctx.contact.id, stepId: ctx.step?.id ?? null });
      const channel = input.channel ?? saved?.channel;
      const fresh = draftFor(ctx, {
        channel,
        variant:
          input.variant ??
          (input.channel === undefined || input.channel === saved?.channel ? saved?.variant : undefined),
        templatesFor: (c) => templatesFor(ctx.purpose, c),
      });
      // The saved edit is what the user wrote: it wins over the template's text, on its channel.
      const useSaved = saved !== undefined && saved.channel === fresh.channel && input.variant === undefined;
      const subject = useSaved ? saved.subject : fresh.subject;
      const body = useSaved ? saved.body : fresh.body;
      return {
        ...fresh,
        subject,
        body,
        saved: useSaved,
        ...checkAndHandoff(ctx, { channel: fresh.channel, subject, body }),
      };
    }),

    'compose.check': read((input) => {
      const ctx = contextFor(input, input.locale);
      return checkAndHandoff(ctx, {
        channel: input.channel,
        subject: input.subject ?? null,
        body: input.body,
      });
    }),

    'compose.save': write(DRAFTS, (input) => {
      writeTransaction(deps.db, () => {
        const ctx = contextFor(input, undefined);
        saveDraft(
          deps.db,
          {
            contactId: ctx.contact.id,
            stepId: ctx.step?.id ?? null,
            purpose: ctx.purpose,
            channel: input.channel,
            variant: input.variant,
            subject: input.subject ?? null,
            body: input.body,
          },
          deps.clock().toISOString(),
        );
      });
      return { saved: true as const };
    }),

    'compose.discard': write(DRAFTS, (input) => {
      if (input.stepId === undefined && input.contactId === undefined) return { discarded: false };
      const discarded = writeTransaction(deps.db, () => {
        if (input.stepId !== undefined) {
          const ctx = contextFor({ stepId: input.stepId }, undefined);
          return deleteSavedDraft(deps.db, { contactId: ctx.contact.id, stepId: input.stepId });
        }
        return deleteSavedDraft(deps.db, { contactId: input.contactId ?? 0, stepId: null });
      });
      return { discarded };
    }),

    'templates.list': read((q) =>
      [...builtInTemplates(), ...listUserTemplates(deps.db)].filter(
        (t) =>
          (q.purpose === undefined || t.purpose === q.purpose) &&
          (q.channel === undefined || t.channel === q.channel),
      ),
    ),
    'templates.get': read(({ id }) => getTemplate(id)),

    'templates.add': write(DRAFTS, (input) => {
      const fields = { ...input, subject: input.channel === 'email' ? (input.subject ?? null) : null };
      const problems = templateProblems(fields.subject, fields.body);
      if (problems.length) refuseProblems(problems);
      const rowId = writeTransaction(deps.db, () =>
        insertUserTemplate(deps.db, fields, deps.clock().toISOString()),
      );
      return getTemplate(`user-${rowId}`);
    }),

    'templates.update': write(DRAFTS, ({ id, ...input }) => {
      const rowId = userTemplateRowId(id);
      if (rowId === null)
        throw new ApiError(
          'invalid_input',
          `Template "${id}" is built in and cannot be changed; add a copy instead.`,
        );
      const fields = { ...input, subject: input.channel === 'email' ? (input.subject ?? null) : null };
      const problems = templateProblems(fields.subject, fields.body);
      if (problems.length) refuseProblems(problems);
      const updated = writeTransaction(deps.db, () =>
        updateUserTemplate(deps.db, rowId, fields, deps.clock().toISOString()),
      );
      if (!updated) throw new ApiError('not_found', `There is no template "${id}".`);
      return getTemplate(id);
    }),

    'templates.delete': write(DRAFTS, ({ id }) => {
      const rowId = userTemplateRowId(id);
      if (rowId === null)
        throw new ApiError('invalid_input', `Template "${id}" is built in and cannot be deleted.`);
      return { deleted: writeTransaction(deps.db, () => deleteUserTemplate(deps.db, rowId)) };
    }),

    'templates.preview': read((input) => {
      const subject = input.channel === 'email' ? (input.subject ?? null) : null;
      const problems = templateProblems(subject, input.body);
      const contactId =
        input.stepId === undefined ? (input.contactId ?? previewContactId(deps.db)) : undefined;
      if (input.stepId === undefined && contactId === undefined)
        return { subject, body: input.body, problems, contactName: null };
      const ctx = contextFor({ stepId: input.stepId, contactId, purpose: input.purpose }, input.locale);
      if (problems.length)
        return { subject, body: input.body, problems, contactName: ctx.contact.displayName };
      const rendered = renderTemplate(ctx, { subject, body: input.body }, input.channel);
      return { ...rendered, problems, contactName: ctx.contact.displayName };
    }),
  };
}
