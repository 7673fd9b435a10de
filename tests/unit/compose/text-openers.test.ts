import { describe, expect, it } from 'vitest';
import { lowerCommonOpener } from '../../../src/main/compose/text.ts';

// A fact goes mid-sentence ("What you said about making programs read like English"); a name at
// its start keeps its capital.
describe('lowerCommonOpener', () => {
  it('lowers a topic that starts with an -ing word', () => {
    expect(lowerCommonOpener('Making programs read like English')).toBe('making programs read like English');
    expect(lowerCommonOpener('Scaling teams past fifty')).toBe('scaling teams past fifty');
  });
  it('keeps names that end in -ing', () => {
    expect(lowerCommonOpener("Fleming's lab")).toBe("Fleming's lab");
    expect(lowerCommonOpener('Ming Li')).toBe('Ming Li');
    expect(lowerCommonOpener('Sterling Partners')).toBe('Sterling Partners');
    expect(lowerCommonOpener('Bing')).toBe('Bing');
  });
});
