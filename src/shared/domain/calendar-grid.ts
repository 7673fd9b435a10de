/**
 * What the month grid asks a day for: more than its tallest cell shows, and as many as its
 * "+N more" popover holds (POPOVER_MAX in CalendarScreen). A day with more is crowded, and its
 * "+N more" opens that day's list, which asks for the default (50) with the reasons. Reading 50
 * a day for a grid that shows two or three made the month query several times slower. Here,
 * not in calendar.ts: the renderer takes values only from modules without zod (zod probes
 * eval, which the CSP reports).
 */
export const MONTH_FOLLOW_UPS_PER_DAY = 8;
