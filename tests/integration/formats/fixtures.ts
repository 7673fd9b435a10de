import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readImport } from '../../../src/main/formats/read.ts';
import type { ImportedContact, ImportFormat, ParsedImport } from '../../../src/main/formats/record.ts';

const DIR = resolve(import.meta.dirname, '..', '..', 'fixtures', 'imports');

export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(DIR, name)));

export const readFixture = (name: string, format?: ImportFormat): ParsedImport =>
  readImport(fixtureBytes(name), format ? { format } : {});

export const readText = (text: string, format?: ImportFormat): ParsedImport =>
  readImport(new TextEncoder().encode(text), format ? { format } : {});

/** A record with every field empty, so tests state only what a row sets. */
export const contact = (fields: Partial<ImportedContact> & { line: number }): ImportedContact => ({
  displayName: null,
  firstName: null,
  lastName: null,
  company: null,
  title: null,
  notes: null,
  emails: [],
  phones: [],
  links: [],
  tags: [],
  metOn: null,
  location: null,
  uid: null,
  ...fields,
});

/** Problems as [line, column, severity, message fragment] for compact assertions. */
export const problemLines = (parsed: ParsedImport) =>
  parsed.problems.map((p) => [p.line, p.column, p.severity] as const);

/** What the service will build from a record (its own name fallback): the contract must accept it. */
export const asDraft = (r: ImportedContact) => {
  const { line: _line, uid: _uid, ...fields } = r;
  return { ...fields, displayName: r.displayName ?? r.company ?? r.emails[0]?.value ?? 'Unnamed' };
};
