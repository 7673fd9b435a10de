import { describe, expect, it } from 'vitest';
import {
  insightsPath,
  insightsQuery,
  readInsightsUrl,
} from '../../../src/renderer/src/insights/insightsUrl.ts';

describe('the insights address', () => {
  it('keeps only what differs from the default, and reads it back', () => {
    expect(insightsPath({ period: '90d', tag: undefined, eventId: undefined })).toBe('/insights');
    const path = insightsPath({ period: '30d', tag: 'clients & co', eventId: 7 });
    expect(path).toBe('/insights?period=30d&tag=clients+%26+co&event=7');
    expect(readInsightsUrl(new URLSearchParams(path.split('?')[1]))).toEqual({
      period: '30d',
      tag: 'clients & co',
      eventId: 7,
    });
  });

  it('falls back to the default period on a value it does not know', () => {
    expect(readInsightsUrl(new URLSearchParams('period=7y&event=x')).period).toBe('90d');
    expect(readInsightsUrl(new URLSearchParams('event=x')).eventId).toBeUndefined();
  });

  it('counts the period back from today, today included, across a month end', () => {
    expect(insightsQuery({ period: '30d', tag: undefined, eventId: undefined }, '2026-03-01')).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
    });
    expect(insightsQuery({ period: 'all', tag: 'x', eventId: 3 }, '2026-03-01')).toEqual({
      to: '2026-03-01',
      tag: 'x',
      eventId: 3,
    });
  });
});
