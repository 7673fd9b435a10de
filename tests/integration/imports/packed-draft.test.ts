import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../../src/main/formats/read.ts';
import { toDraft } from '../../../src/main/imports/draft.ts';
import { draftOf, packDraft } from '../../../src/main/imports/plan.ts';

// A preview keeps each planned row's draft packed in one string (memory: see packDraft). Packing
// lists its fields by hand, so a field toDraft starts to set would be dropped silently: this
// round trip over every fixture fails first.

const FIXTURES = join(import.meta.dirname, '../../fixtures/imports');

describe('a packed draft', () => {
  const files = readdirSync(FIXTURES).filter((f) => !f.includes('cut'));
  it.each(files)('unpacks to exactly what toDraft made, for %s', (file) => {
    const parsed = readImport(readFileSync(join(FIXTURES, file)));
    expect(parsed.records.length).toBeGreaterThan(0);
    for (const record of parsed.records) {
      const { draft } = toDraft(record, file);
      if (!draft) continue;
      // Absent and null mean the same to the writers; compare with undefined fields dropped.
      const defined = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
      const nulls = Object.fromEntries(
        Object.keys(draftOf({ packed: packDraft(draft) })).map((k) => [k, null]),
      );
      expect({ ...nulls, ...defined }).toEqual(draftOf({ packed: packDraft(draft) }));
    }
  });
});
