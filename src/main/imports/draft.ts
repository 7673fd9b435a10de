import type { z } from 'zod';
import {
  type ContactDraftParsed,
  EmailEntry,
  LinkEntry,
  PhoneEntry,
  Tag,
} from '../../shared/domain/contact.ts';
import type { ImportProblemItem } from '../../shared/domain/imports.ts';
import { FIELD_LIMITS, MAX_ENTRIES, MAX_TAGS } from '../formats/contact-builder.ts';
import type { ImportedContact } from '../formats/record.ts';

/** The readers already cut to these limits; the service applies them again for any caller. */
const TEXT_LIMITS = FIELD_LIMITS;

export interface DraftOutcome {
  draft: ContactDraftParsed | null;
  /** The name shown in the preview. */
  name: string;
  problems: ImportProblemItem[];
}

/**
 * A record read from a file becomes a contact draft with the same rules as the capture form. A
 * bad value (an e-mail that is not one, a tag with a comma) drops that value with a warning; the
 * row is only refused when nothing identifies the person.
 */
export function toDraft(record: ImportedContact, file: string): DraftOutcome {
  const problems: ImportProblemItem[] = [];
  const warn = (column: string, message: string) =>
    problems.push({ file, line: record.line, column, message, severity: 'warning' });

  const text = (field: keyof typeof TEXT_LIMITS, value: string | null): string | null => {
    const t = value?.trim();
    if (!t) return null;
    if (t.length <= TEXT_LIMITS[field]) return t;
    warn(field, `was ${t.length} characters; kept the first ${TEXT_LIMITS[field]}`);
    return t.slice(0, TEXT_LIMITS[field]);
  };

  const emails = entries(record.emails, EmailEntry, 'e-mail', warn);
  const phones = entries(record.phones, PhoneEntry, 'phone', warn);
  const links = entries(record.links, LinkEntry, 'link', warn);
  const tags = unique(
    record.tags.flatMap((tag) => {
      const parsed = Tag.safeParse(tag.replaceAll(',', ' '));
      if (parsed.success) return [parsed.data];
      warn(
        'tags',
        `dropped the label "${tag.slice(0, 60)}": ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
      return [];
    }),
  );
  if (tags.length > MAX_TAGS) warn('tags', `had ${tags.length} labels; kept ${MAX_TAGS}`);

  const firstName = text('firstName', record.firstName);
  const lastName = text('lastName', record.lastName);
  const company = text('company', record.company);
  const joined = [firstName, lastName].filter(Boolean).join(' ');
  const name =
    text('displayName', record.displayName) ??
    (joined || null) ??
    company ??
    emails[0]?.value ??
    phones[0]?.value ??
    null;
  if (!name) {
    problems.push({
      file,
      line: record.line,
      column: null,
      message: 'has no name, company, e-mail or phone: skipped',
      severity: 'error',
    });
    return { draft: null, name: '', problems };
  }
  return {
    name,
    problems,
    draft: {
      displayName: name,
      firstName,
      lastName,
      company,
      title: text('title', record.title),
      location: text('location', record.location),
      notes: text('notes', record.notes),
      metOn: record.metOn,
      emails,
      phones,
      links,
      tags: tags.slice(0, MAX_TAGS),
    },
  };
}

function entries<S extends z.ZodType>(
  values: readonly unknown[],
  schema: S,
  what: string,
  warn: (column: string, message: string) => void,
): z.output<S>[] {
  const kept: z.output<S>[] = [];
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const shown = JSON.stringify(Object.values(value as object)[0] ?? '').slice(0, 80);
      warn(`${what}s`, `dropped the ${what} ${shown}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    } else if (kept.length < MAX_ENTRIES) {
      kept.push(parsed.data);
    } else {
      warn(`${what}s`, `more than ${MAX_ENTRIES} ${what}s; kept the first ${MAX_ENTRIES}`);
      break;
    }
  }
  return kept;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
