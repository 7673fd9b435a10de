import type { Locator } from '@playwright/test';
import { dueCountsText } from '../../src/shared/domain/due-counts.ts';
import type { TodayView } from '../../src/shared/domain/followup.ts';
import { expect, test } from './fixtures.ts';
import { runCli } from './server.ts';

/**
 * The month grid at the widths of layout.spec.ts (1024, 1280, 1440, sidebar open), both themes,
 * on six months of replayed use: today's total chip reads whole (it read "0 of 131 today…" at
 * 1024 and 1280), and nothing done sits on a day still to come (a step due next week and done
 * early showed there). Screenshots: test-results/screenshots/calendar-layout-<width>-<theme>.png.
 */
// Wednesday 18 November 2026, 10:30 in London (GMT, so the CLI's UTC agrees on the day).
const START = '2026-11-18T10:30:00Z';
const TODAY = '2026-11-18';
test.use({ startAt: START });

/**
 * Words in `chip` that are cut: text shown only in part by a box that clips it, or ending in an
 * ellipsis. Text moved wholly out of sight (a part the chip drops) is not cut.
 */
async function cutText(chip: Locator): Promise<string[]> {
  return chip.evaluate((root) => {
    const cut: string[] = [];
    const clips = (el: Element) => {
      const style = getComputedStyle(el);
      return style.overflowX !== 'visible' || style.overflowY !== 'visible';
    };
    for (const el of [root, ...root.querySelectorAll('*')] as HTMLElement[]) {
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text || el.closest('.visually-hidden')) continue;
      let clip = { top: -Infinity, left: -Infinity, bottom: Infinity, right: Infinity };
      for (let a: Element | null = el.parentElement; a; a = a === root ? null : a.parentElement) {
        if (!clips(a)) continue;
        const r = a.getBoundingClientRect();
        clip = {
          top: Math.max(clip.top, r.top),
          left: Math.max(clip.left, r.left),
          bottom: Math.min(clip.bottom, r.bottom),
          right: Math.min(clip.right, r.right),
        };
      }
      const r = el.getBoundingClientRect();
      const hidden =
        r.top >= clip.bottom || r.bottom <= clip.top || r.left >= clip.right || r.right <= clip.left;
      if (hidden) continue;
      const inside =
        r.top >= clip.top - 1 &&
        r.bottom <= clip.bottom + 1 &&
        r.left >= clip.left - 1 &&
        r.right <= clip.right + 1;
      if (!inside || el.scrollWidth > el.clientWidth + 1) cut.push(text);
    }
    return cut;
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the month grid at 1024, 1280 and 1440 px (${colorScheme}): today's total whole, nothing done ahead`, async ({
    page,
    server,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000);
    await runCli(['--now', START, 'seed', '--contacts', '600', '--db', server.dbPath]);
    const { counts } = await server.call<TodayView>('followups.today', {});
    expect(counts.waiting, 'the seeded day has a backlog, so the chip has its longest words').toBeGreaterThan(
      0,
    );
    await page.emulateMedia({ colorScheme });

    for (const width of [1024, 1280, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      await openApp('/calendar');
      const main = page.getByRole('main');
      const chip = main.locator(`[role="cell"][data-date="${TODAY}"] .cal-chip-today-total`);
      await expect(chip).toBeVisible();
      await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);

      expect(await cutText(chip), `cut words in today's total at ${width} px`).toEqual([]);
      // The count itself always shows; the sentence is the chip's title and what is read aloud.
      await expect(chip.locator('.cal-chip-part').first()).toHaveText(`${counts.inBudget} of ${counts.due}`);
      await expect(chip).toHaveAttribute('title', dueCountsText(counts));
      await expect(chip.locator('.visually-hidden')).toHaveText(dueCountsText(counts));

      // Done steps are on the day they were done: none on a day after today.
      const doneAhead = await main.locator('[role="cell"][data-date]').evaluateAll(
        (cells, today) =>
          cells
            .filter((c) => (c.getAttribute('data-date') ?? '') > today)
            .filter((c) => c.querySelector('.cal-event-followup.is-closed'))
            .map((c) => c.getAttribute('data-date')),
        TODAY,
      );
      expect(doneAhead, 'days after today showing a done step').toEqual([]);
      await expect(main.locator('.cal-event-followup.is-closed').first()).toBeVisible();

      await saveScreenshot(`calendar-layout-${width}-${colorScheme}`, { fullPage: false });
    }
  });
}
