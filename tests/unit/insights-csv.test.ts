import { describe, expect, it } from 'vitest';
import type { InsightsReport } from '../../src/shared/domain/insights.ts';
import { insightsCsv } from '../../src/shared/domain/insights-csv.ts';

const rate = (sent: number, replied: number) => ({
  sent,
  replied,
  rate: sent < 5 ? null : replied / sent,
  small: sent < 5,
});
const report: InsightsReport = {
  period: { from: '2026-03-01', to: '2026-04-20', timeZone: 'Europe/Berlin' },
  filters: { tag: '=HYPERLINK("x"), "quoted"', eventId: null },
  followThrough: { met: 12, within24h: 7, within48h: 7, within7d: 7, never: 4, medianHours: 12.5 },
  trend: {
    baseline: 0.3,
    weeks: [
      {
        week: '2026-03-02',
        met: 3,
        within48h: 1,
        ever: 2,
        within48hShare: null,
        everShare: null,
        small: true,
      },
    ],
  },
  replyRate: {
    channel: { email: rate(10, 4) },
    purpose: {},
    pacing: {},
    weekday: { sun: rate(1, 0), mon: rate(2, 1) },
    hour: { '10': rate(1, 1), '09': rate(1, 0) },
    template: {},
  },
  replyTime: { replied: 4, medianHours: 26.5 },
  cycles: { replied: 1, no_response: 0, completed: 0, skipped: 0, cancelled: 0, active: 2 },
  cycleTouches: { '0': 1, '1': 2, '2': 0, '3': 0, '4+': 0 },
  promises: { mine: { keptOnTime: 1, late: 0, open: 0 }, theirs: { fulfilled: 0, nudged: 1, open: 1 } },
  network: { goingCold: 1, neverFollowedUp: 4, backlog: [{ week: '2026-04-13', overdue: 3 }] },
  excluded: { unreviewedImports: 1 },
};

describe('insights CSV', () => {
  const lines = insightsCsv(report).split('\r\n');
  it('has one figure a row, in long form, ending with CRLF', () => {
    expect(lines[0]).toBe('measure,by,key,metric,value');
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain('followThrough,,within24h,people,7');
    expect(lines).toContain('replyRate,channel,email,rate,0.4');
    expect(lines).toContain('trend,week,2026-03-02,everShare,');
    expect(lines).toContain('promises,theirs,nudged,promises,1');
    expect(lines).toContain('network,backlogWeek,2026-04-13,overdueSteps,3');
  });
  it('orders weekdays Monday first and hours by the clock', () => {
    const keys = (by: string) =>
      lines
        .filter((l) => l.startsWith(`replyRate,${by},`) && l.split(',')[3] === 'sent')
        .map((l) => l.split(',')[2]);
    expect(keys('weekday')).toEqual(['mon', 'sun']);
    expect(keys('hour')).toEqual(['09', '10']);
  });
  it('quotes what needs it and defuses a cell a spreadsheet would run as a formula', () => {
    expect(lines).toContain(`filters,,tag,name,"'=HYPERLINK(""x""), ""quoted"""`);
    expect(lines).toContain('filters,,eventId,id,');
  });
});
