import { describe, expect, it } from 'vitest';
import { collectionLabel } from '../../../src/main/sync/collection-names.ts';
import { collectionNamed } from '../../../src/shared/domain/sync-collections.ts';

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

  it('links to the first collection of that name, as the server lists them', () => {
    const list = [
      { url: 'https://d/1/', name: 'Calendar' },
      { url: 'https://d/2/', name: 'Calendar' },
    ];
    expect(collectionNamed(list, 'Calendar')?.url).toBe('https://d/1/');
    expect(collectionNamed(list, 'calendar')).toBeUndefined();
  });
});
