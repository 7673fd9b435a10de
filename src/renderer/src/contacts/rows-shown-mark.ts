/**
 * User Timing mark set each time the contacts list puts the rows of a new result set in the DOM,
 * read by `npm run bench` (keystroke → results painted) and the seeded-list e2e (latest wins).
 * Only the latest stays in the timeline, so a long session does not pile them up; a
 * PerformanceObserver still sees every one.
 */
export const ROWS_SHOWN_MARK = 'followthrough:contact-rows-shown';

export interface RowsShownDetail {
  /** The search whose rows are shown; '' when browsing. */
  query: string;
}
