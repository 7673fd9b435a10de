import { describe, expect, it } from 'vitest';
import { collectionLabel } from '../../../src/main/sync/collection-names.ts';
import { matchCollection } from '../../../src/shared/domain/sync-collections.ts';

describe('a collection’s name', () => {
  it('is its display name when it has one', () => {
    expect(collectionLabel('Team calendar', 'https://dav.example.org/ada/team/')).toBe('Team calendar');
  });

  it('is the last segment of its address, decoded, when the display name is missing, empty or not text', () => {
    // tsdav hands over what the XML held: nothing, an empty string, or an element object.
    expect(collectionLabel(undefined, 'https://dav.example.org/ada/team/')).toBe('team');
    expect(collectionLabel('  ', 'https://dav.example.org/ada/caf%C3%A9/')).toBe('café');
    expect(collectionLabel({}, 'https://dav.example.org/ada/work')).toBe('work');
    expect(collectionLabel(undefined, 'https://dav.example.org/ada/100%25%zz/')).toBe('100%25%zz');
  });

  it('is matched whole by name; two of one name are no match but a choice to make, an address names one', () => {
    const list = [
      { url: 'https://d/ada/1/', name: 'Calendar' },
      { url: 'https://d/ada/2/', name: 'Calendar' },
      { url: 'https://d/ada/caf%C3%A9/', name: 'Work' },
    ];
    expect(matchCollection(list, 'Calendar')).toEqual({ kind: 'ambiguous', collections: list.slice(0, 2) });
    expect(matchCollection(list, 'calendar')).toEqual({ kind: 'missing' });
    expect(matchCollection(list, 'Work')).toEqual({ kind: 'found', collection: list[2] });
    // By path (the trailing slash and %-escapes aside), or by URL whatever host name it is given by.
    expect(matchCollection(list, '/ada/2')).toEqual({ kind: 'found', collection: list[1] });
    expect(matchCollection(list, '/ada/café/')).toEqual({ kind: 'found', collection: list[2] });
    expect(matchCollection(list, 'http://127.0.0.1:5232/ada/1/')).toEqual({
      kind: 'found',
      collection: list[0],
    });
    expect(matchCollection(list, '/ada/3/')).toEqual({ kind: 'missing' });
  });
});
