/** User Timing mark set once when the contacts list first shows rows (read by `npm run bench`). */
export const FIRST_ROWS_MARK = 'followthrough:first-contact-rows';
