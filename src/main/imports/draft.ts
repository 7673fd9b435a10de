import { type ContactDraftParsed, Tag } from '../../shared/domain/contact.ts';
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

  // The readers validate each entry with the contract's own rules (contact-builder.ts, with a test
  // that every record passes ContactDraft) and report what they drop; parsing 50,000 LinkedIn
  // URLs again here cost a quarter of a second of the preview.
  const emails = record.emails.slice(0, MAX_ENTRIES);
  const phones = record.phones.slice(0, MAX_ENTRIES);
  const links = record.links.slice(0, MAX_ENTRIES);
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

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
