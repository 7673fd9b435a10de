import { expect, test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

// Tuesday 10 March 2026, 14:00 in London (GMT: before the clocks change on 29 March).
test.use({ startAt: '2026-03-10T14:00:00Z' });

interface Created {
  id: number;
}

/** A realistic week: people met, a reply awaited, promises both ways, someone going quiet. */
async function seedAWeek(server: RunningServer, clock: { set: (iso: string) => Promise<void> }) {
  const add = (draft: Record<string, unknown>) => server.call<Created>('contacts.create', draft);

  // Met a week and a half ago, followed up, no reply since.
  await clock.set('2026-02-27T16:00:00Z');
  const grace = await add({
    displayName: 'Grace Hopper',
    company: 'Remington Rand',
    metOn: '2026-02-27',
    metWhere: 'Compilers Meetup',
    discussed: 'Making programs readable by people who are not mathematicians',
    nextStep: 'Send her the draft of my talk',
    timeZone: 'America/New_York',
  });
  const katherine = await add({
    displayName: 'Katherine Johnson',
    company: 'NASA Langley',
    metOn: '2025-09-12',
    metWhere: 'Space Apps Challenge',
    cadenceDays: 30,
  });
  await server.call('interactions.add', {
    contactId: katherine.id,
    channel: 'call',
    direction: 'outbound',
    summary: 'Caught up about trajectories',
    occurredAt: '2026-01-20T11:00:00Z',
  });
  await server.call('promises.add', {
    contactId: grace.id,
    direction: 'theirs',
    text: 'Introduce me to the COBOL committee',
    dueOn: '2026-03-06',
  });

  await clock.set('2026-03-02T09:30:00Z');
  const alan = await add({
    displayName: 'Alan Turing',
    company: 'University of Manchester',
    metOn: '2026-01-14',
    metWhere: 'Royal Institution lecture',
    discussed: 'Whether machines can think; his imitation game',
  });
  await server.call('followups.schedule', {
    contactId: alan.id,
    dueOn: '2026-03-05',
    channel: 'email',
    note: 'Ask what he made of the Manchester Mark 1 demo',
  });

  // Today, before the follow-up hour of tomorrow.
  await clock.set('2026-03-10T14:00:00Z');
  const ada = await add({
    displayName: 'Ada Lovelace',
    company: 'Analytical Engines Ltd',
    metOn: '2026-03-10',
    metWhere: 'Royal Society soirée',
    discussed: 'Her notes on the Analytical Engine and Bernoulli numbers',
    nextStep: 'Send her the Menabrea translation',
    timeZone: 'Europe/Berlin',
  });
  await server.call('promises.add', {
    contactId: ada.id,
    direction: 'mine',
    text: 'Send the Menabrea translation with my notes',
    dueOn: '2026-03-12',
  });
  await add({
    displayName: 'Margaret Hamilton',
    company: 'Apollo Software',
    metOn: '2026-03-09',
    metWhere: 'Software Craft Night',
  });
  return { ada, grace, alan, katherine };
}

test('Today: what is due, why now, and what to mention', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  await seedAWeek(server, clock);
  await clock.set('2026-03-11T09:05:00Z');
  await openApp();

  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(page.getByText('Wednesday 11 March')).toBeVisible();
  const dueToday = page.getByRole('region', { name: 'Due today' });
  const ada = dueToday.getByRole('listitem', { name: 'Ada Lovelace' });
  await expect(ada).toContainText('Refresher');
  await expect(ada).toContainText('Royal Society soirée');
  await expect(ada).toContainText('Bernoulli numbers');
  await expect(ada).toContainText('for them');
  await saveScreenshot('today-light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await saveScreenshot('today-dark');
});
