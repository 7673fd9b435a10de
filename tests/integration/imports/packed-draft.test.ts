import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../../src/main/formats/read.ts';
import { toDraft } from '../../../src/main/imports/draft.ts';
import { DraftStore } from '../../../src/main/imports/draft-store.ts';

// A preview keeps each planned row's draft packed in bytes (memory: see DraftStore). Packing
// lists its fields by hand, so a field toDraft starts to set would be dropped silently: this
// round trip over every fixture fails first.

const FIXTURES = join(import.meta.dirname, '../../fixtures/imports');

describe('a packed draft', () => {
  const files = readdirSync(FIXTURES).filter((f) => !f.includes('cut'));
  it.each(files)('unpacks to exactly what toDraft made, for %s', (file) => {
    const parsed = readImport(readFileSync(join(FIXTURES, file)));
    expect(parsed.records.length).toBeGreaterThan(0);
    const store = new DraftStore();
    const drafts = parsed.records.flatMap((record) => toDraft(record, file).draft ?? []);
    for (const draft of drafts) store.append(draft);
    for (const [i, draft] of drafts.entries()) {
      const unpacked = store.get(i);
      // Absent and null mean the same to the writers; compare with undefined fields dropped.
      const defined = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
      const nulls = Object.fromEntries(Object.keys(unpacked).map((k) => [k, null]));
      const entries = (list: { label?: string | null }[]) =>
        list.map((e) => ({ ...e, label: e.label ?? null }));
      expect(unpacked).toEqual({
        ...nulls,
        ...defined,
        emails: entries(draft.emails),
        phones: entries(draft.phones),
        links: entries(draft.links),
      });
    }
  });
});
