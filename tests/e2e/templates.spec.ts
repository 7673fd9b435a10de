import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { dismissToasts, expect, test, typeText } from './fixtures.ts';
import type { RunningServer } from './server.ts';

/**
 * Issue 11, Settings › Composer and › Templates: a user template written with a typo, its
 * problem shown with its line, fixed, previewed on a real contact (with my name and signature),
 * saved, deleted and brought back.
 */

// Tuesday 10 March 2026, 14:00 in London: Ada was met the day before.
// A refused setting is a 400 answer, which Chromium logs.
test.use({ startAt: '2026-03-10T14:00:00Z', allowedConsoleErrors: [/status of 400/] });

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

async function seedPeople(server: RunningServer): Promise<void> {
  await server.call('contacts.create', {
    displayName: 'Ada Lovelace',
    firstName: 'Ada',
    metWhere: 'Web Summit',
    metOn: '2026-03-09',
    discussed: 'the analytical engine',
  });
  await server.call('contacts.create', {
    displayName: 'Grace Hopper',
    firstName: 'Grace',
    discussed: 'compilers',
  });
}

/** Settings › Composer: my name and my signature, each saved as the field is left. */
async function setNameAndSignature(page: Page): Promise<void> {
  const composer = page.getByRole('region', { name: 'Composer' });
  const name = composer.getByLabel('My name');
  await name.fill('Sam Reed');
  await name.press('Enter');
  const signature = composer.getByLabel('Signature');
  await signature.fill('Founder, Reed Solar\nreedsolar.example');
  await signature.press('Tab');
  await expect(composer.getByRole('alert')).toHaveCount(0);
}

test('composer settings: name, signature and stock phrases, refused in words and kept', async ({
  page,
  openApp,
}) => {
  await openApp('/settings');
  await setNameAndSignature(page);

  const composer = page.getByRole('region', { name: 'Composer' });
  const phrase = composer.getByLabel('Extra stock phrases');
  await phrase.fill('ok');
  await phrase.press('Enter');
  const refusal = composer.getByRole('alert');
  await expect(refusal).toHaveText('A phrase must be at least 3 characters; “ok” was not added.');
  await expect(phrase).toHaveAttribute('aria-invalid', 'true');
  await expect(phrase).toHaveAccessibleDescription(/must be at least 3 characters/);
  await expect(phrase).toHaveValue('ok');

  await phrase.fill('quick question');
  await phrase.press('Enter');
  await expect(refusal).toHaveCount(0);
  await expect(phrase).toHaveValue('');
  await expect(phrase).toBeFocused();
  await phrase.fill('Quick question');
  await phrase.press('Enter');
  await expect(composer.getByRole('alert')).toHaveText('“Quick question” is already in your list.');
  await phrase.fill('happy to help');
  await phrase.press('Enter');
  const list = composer.getByRole('list', { name: 'Your stock phrases' });
  await expect(list.getByRole('listitem')).toHaveText(['quick question', 'happy to help']);

  // Removing one hands focus to the next phrase's button.
  await list.getByRole('button', { name: 'Remove “quick question”' }).click();
  await expect(list.getByRole('listitem')).toHaveText(['happy to help']);
  await expect(list.getByRole('button', { name: 'Remove “happy to help”' })).toBeFocused();

  // A name over 100 characters stays in the field, marked, with why.
  const name = composer.getByLabel('My name');
  await name.fill('S'.repeat(101));
  await name.press('Enter');
  await expect(composer.getByRole('alert')).toHaveText(
    'My name must be at most 100 characters. The saved one is kept.',
  );
  await name.press('Escape');
  await expect(name).toHaveValue('Sam Reed');
  await expect(composer.getByRole('alert')).toHaveCount(0);

  await page.reload();
  await expect(composer.getByLabel('My name')).toHaveValue('Sam Reed');
  await expect(composer.getByLabel('Signature')).toHaveValue('Founder, Reed Solar\nreedsolar.example');
  await expect(composer.getByRole('list', { name: 'Your stock phrases' }).getByRole('listitem')).toHaveText([
    'happy to help',
  ]);
});

test('a user template: the typo shown with its line, fixed, previewed on a real contact, saved', async ({
  page,
  server,
  openApp,
}) => {
  // Typed key by key, as a person types, with a preview per pause: slow on a busy machine.
  test.setTimeout(90_000);
  await seedPeople(server);
  await openApp('/settings');
  await setNameAndSignature(page);

  const templates = page.getByRole('region', { name: 'Templates' });
  await expect(templates.getByRole('list', { name: /^Built-in templates: Refresher · Email/ })).toBeVisible();
  await templates.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('dialog', { name: 'New template' });
  const name = editor.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await typeText(page, 'Short thanks');
  await editor.getByLabel('Channel').selectOption({ label: 'LinkedIn' });
  await expect(editor.getByLabel('Subject')).toHaveCount(0);

  const body = editor.getByRole('textbox', { name: 'Body' });
  await body.fill('');
  await typeText(
    page,
    'Hi {{first_name}},\n{{#discussed}}Thanks for the talk about {{discussed}}.{{/discussed}}\n\n{{frist_name}}, coffee next week?\n{{my_name}}\n{{signature}}',
  );

  // Ctrl+Enter straight after the last key, whether or not its check is in: the typo is refused
  // (by main's check on saving, if the preview had not caught up), and the editor stays.
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(editor.getByText(/unknown placeholder \{\{frist_name\}\}/).first()).toBeVisible();
  await expect(editor).toBeVisible();

  // The typo, named with its line, read with the body, and Save says why it cannot save.
  const problems = editor.getByRole('button', { name: /^Line \d+:/ });
  await expect(problems).toHaveText([/^Line 4: unknown placeholder \{\{frist_name\}\}/]);
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(body).toHaveAccessibleDescription(/Line 4: .*frist_name/);
  const save = editor.getByRole('button', { name: 'Save template' });
  await expect(save).toBeDisabled();
  await expect(editor.getByText('Fix the problem on line 4 to save.')).toBeVisible();
  await expect(save).toHaveAccessibleDescription('Fix the problem on line 4 to save.');
  const preview = editor.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Fix the problems to see it written for');

  // The problem selects its line; typing replaces it.
  await problems.first().click();
  await expect(body).toBeFocused();
  await typeText(page, '{{first_name}}, coffee next week?');
  await expect(problems).toHaveCount(0);
  await expect(body).not.toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeEnabled();

  // Written for the contact with the most to draw on, with my name and signature.
  await expect(preview).toContainText('for Ada Lovelace');
  const text = preview.locator('.template-preview-body');
  await expect(text).toContainText('Hi Ada,');
  await expect(text).toContainText('Thanks for the talk about the analytical engine.');
  await expect(text).toContainText('Ada, coffee next week?');
  await expect(text).toContainText('Sam Reed');
  await expect(text).toContainText('Founder, Reed Solar');
  await expect(text).not.toContainText('{{');

  // Another person, found by typing; a missing fact would drop its sentence.
  await preview.getByRole('button', { name: 'Change contact' }).click();
  await expect(preview.getByRole('combobox', { name: 'Preview for' })).toBeFocused();
  await typeText(page, 'Grace');
  await expect(preview.getByRole('option', { name: /Grace Hopper/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(preview).toContainText('for Grace Hopper');
  await expect(text).toContainText('Hi Grace,');
  await expect(text).toContainText('the talk about compilers.');
  await expect(preview.getByRole('button', { name: 'Change contact' })).toBeFocused();

  // A placeholder from the list goes where the caret is.
  await body.press('ControlOrMeta+End');
  await editor.getByText('Placeholders you can use').click();
  await editor.getByRole('button', { name: 'Insert {{company}}' }).click();
  await expect(body).toHaveValue(/\{\{signature\}\}\{\{company\}\}$/);
  await expect(body).toBeFocused();
  await page.keyboard.press('Backspace');
  for (let i = 0; i < '{{company}}'.length - 1; i++) await page.keyboard.press('Backspace');
  await expect(body).toHaveValue(/\{\{signature\}\}$/);
  // Each keystroke is checked by main, and the last answer may still be about a half-deleted
  // placeholder ("{{compan}}") when Ctrl+Enter comes: it saves all the same (main checks again on
  // saving), as a fast typist expects.
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Added “Short thanks”' })).toBeVisible();
  const yours = templates.getByRole('list', { name: 'Your templates: Refresher · LinkedIn' });
  await expect(yours.getByRole('listitem')).toHaveCount(1);
  await expect(yours).toContainText('Short thanks');
  await expect(templates.getByRole('button', { name: 'New template' })).toBeFocused();

  // Kept, and listed by the API with the built-in ones first.
  await page.reload();
  await expect(yours).toContainText('Short thanks');
  const listed = await server.call<{ name: string; builtIn: boolean }[]>('templates.list', {
    purpose: 'refresher',
    channel: 'linkedin',
  });
  expect(listed.at(-1)).toMatchObject({ name: 'Short thanks', builtIn: false });
  expect(listed.filter((t) => t.builtIn).length).toBeGreaterThanOrEqual(3);
});

test('a built-in template is duplicated to edit; a user one is edited, deleted and brought back', async ({
  page,
  server,
  openApp,
}) => {
  test.setTimeout(90_000);
  await seedPeople(server);
  await openApp('/settings');
  const templates = page.getByRole('region', { name: 'Templates' });
  await templates.getByLabel('Purpose of the built-in templates').selectOption({ label: 'Thank-you' });
  await templates.getByLabel('Channel of the built-in templates').selectOption({ label: 'Email' });
  const builtIn = templates.getByRole('list', { name: 'Built-in templates: Thank-you · Email' });
  const first = builtIn.getByRole('listitem').first();
  await expect(builtIn.getByRole('listitem')).not.toHaveCount(0);
  // Read-only: no Edit, no Delete.
  await expect(builtIn.getByRole('button', { name: /^(Edit|Delete)/ })).toHaveCount(0);
  await first.getByRole('button', { name: /^Duplicate to edit: / }).click();

  const editor = page.getByRole('dialog', { name: 'New template from a built-in one' });
  await expect(editor.getByLabel('Purpose')).toHaveValue('thank_you');
  await expect(editor.getByLabel('Channel')).toHaveValue('email');
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue(/\(mine\)$/);
  await expect(editor.getByLabel('Subject')).not.toHaveValue('');
  await expect(editor.getByRole('region', { name: 'Preview' })).toContainText('for Ada Lovelace');
  await editor.getByLabel('Name', { exact: true }).fill('My thank-you');
  // Esc with changes asks first; keeping on editing keeps them.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue('My thank-you');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor).toHaveCount(0);

  const yours = templates.getByRole('list', { name: 'Your templates: Thank-you · Email' });
  await yours.getByRole('button', { name: 'Edit “My thank-you”' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit template' });
  await edit.getByLabel('Name', { exact: true }).fill('My warm thank-you');
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(edit).toHaveCount(0);
  await expect(yours).toContainText('My warm thank-you');
  await dismissToasts(page);

  await yours.getByRole('button', { name: 'Delete “My warm thank-you”' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this template?' });
  await confirm.getByRole('button', { name: 'Delete template' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(templates.getByText('None yet.', { exact: false })).toBeVisible();
  await expect(templates.getByRole('heading', { name: 'Your templates' })).toBeFocused();
  await page
    .getByRole('status')
    .filter({ hasText: 'Deleted “My warm thank-you”' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(yours).toContainText('My warm thank-you');
});

test('screenshots: composer settings and the template editor, light and dark, 1024 and 1440', async ({
  page,
  server,
  openApp,
}) => {
  test.setTimeout(90_000);
  await seedPeople(server);
  await server.call('settings.update', {
    composer: { myName: 'Sam Reed', signature: 'Founder, Reed Solar', stockPhrases: ['quick question'] },
  });
  await server.call('templates.add', {
    name: 'Coffee after the summit',
    purpose: 'refresher',
    channel: 'email',
    subject: 'Great meeting you at {{met_where}}',
    body: 'Hi {{first_name}},\n\n{{#discussed}}I keep thinking about {{discussed}}.{{/discussed}}\nCoffee next week?\n\n{{my_name}}',
  });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      const shot = `templates-${width}-${colorScheme}`;
      await openApp('/settings');
      const composer = page.getByRole('region', { name: 'Composer' });
      await composer.getByLabel('Extra stock phrases').fill('ok');
      await composer.getByLabel('Extra stock phrases').press('Enter');
      await expect(composer.getByRole('alert')).toBeVisible();
      await composer.scrollIntoViewIfNeeded();
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-settings.png`, animations: 'disabled' });
      const templates = page.getByRole('region', { name: 'Templates' });
      await templates.scrollIntoViewIfNeeded();
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-list.png`, animations: 'disabled' });

      await page
        .getByRole('region', { name: 'Templates' })
        .getByRole('button', { name: 'New template' })
        .click();
      const editor = page.getByRole('dialog', { name: 'New template' });
      await editor.getByLabel('Name', { exact: true }).fill('Coffee after the summit');
      await editor.getByLabel('Subject').fill('Great meeting you at {{met_where}}');
      await editor
        .getByRole('textbox', { name: 'Body' })
        .fill(
          'Hi {{first_name}},\n\n{{#discussed}}I keep thinking about {{discussed}}.{{/discussed}}\nCoffee {{frist_name}}?\n\n{{my_name}}\n{{signature}}',
        );
      await expect(editor.getByRole('button', { name: /^Line 4: unknown placeholder/ })).toBeVisible();
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-editor-problem.png`, animations: 'disabled' });

      await editor
        .getByRole('textbox', { name: 'Body' })
        .fill(
          'Hi {{first_name}},\n\n{{#discussed}}I keep thinking about {{discussed}}.{{/discussed}}\nCoffee next week?\n\n{{my_name}}\n{{signature}}',
        );
      await expect(editor.locator('.template-preview-body')).toContainText('Hi Ada,');
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-editor-preview.png`, animations: 'disabled' });
      await page.keyboard.press('Escape');
      await page
        .getByRole('dialog', { name: 'Discard your changes?' })
        .getByRole('button', { name: 'Discard' })
        .click();
      await expect(editor).toHaveCount(0);
    }
  }
});

// Seen in CI: Enter pressed while the list still showed the recent contacts (the answer to
// "Grace" not back yet) picked the first of those, Ada. Enter now waits for the answer to what
// is typed. The search is slowed here so the race happens every time.
test('Enter in the preview’s contact picker picks from the answer to what was typed, not an older list', async ({
  page,
  server,
  openApp,
}) => {
  await seedPeople(server);
  await page.route('**/api/contacts.list', async (route) => {
    if (route.request().postData()?.includes('"query"')) await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await openApp('/settings');
  await page.getByRole('region', { name: 'Templates' }).getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('dialog', { name: 'New template' });
  await editor.getByRole('textbox', { name: 'Body' }).fill('Hi {{first_name}},');
  const preview = editor.getByRole('region', { name: 'Preview' });
  await preview.getByRole('button', { name: 'Change contact' }).click();
  const picker = preview.getByRole('combobox', { name: 'Preview for' });
  await expect(picker).toBeFocused();
  await expect(preview.getByRole('option').first()).toBeVisible();
  await picker.pressSequentially('Grace');
  await page.keyboard.press('Enter');
  await expect(preview).toContainText('for Grace Hopper');
  await expect(preview.locator('.template-preview-body')).toContainText('Hi Grace,');
});
