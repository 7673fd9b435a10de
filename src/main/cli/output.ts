import type { BulkPreview, CatchUpPlan } from '../../shared/domain/backlog.ts';
import type { Contact, ContactSummary } from '../../shared/domain/contact.ts';
import { dueCountsText } from '../../shared/domain/due-counts.ts';
import type { NetworkEvent } from '../../shared/domain/event.ts';
import type { FollowUp, TodayItem, TodayView } from '../../shared/domain/followup.ts';
import { CHANNEL_LABELS, DIRECTION_LABELS, type Interaction } from '../../shared/domain/interaction.ts';
import type { Read } from '../../shared/format/dated-text.ts';

/** With --json, results go to stdout as JSON (one document) and nothing else is printed there. */
export function printResult(json: boolean | undefined, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Human progress goes to stderr so stdout stays clean for pipes and --json. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${message}`);
  else process.stderr.write(`${message}\n`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) =>
    Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => truncate(c, widths[i] ?? 0).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function truncate(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, Math.max(0, width - 1))}…` : s;
}

export function contactRows(items: ContactSummary[]): string {
  if (items.length === 0) return 'No contacts found.';
  return table(
    ['ID', 'NAME', 'COMPANY', 'MET', 'LAST INTERACTION'],
    items.map((c) => [
      String(c.id),
      c.displayName + (c.archived ? ' (archived)' : ''),
      c.company ?? '',
      [c.metOn, c.metWhere].filter(Boolean).join(' · '),
      c.lastInteractionAt?.slice(0, 10) ?? '',
    ]),
  );
}

/** The agreed next step with where it stands: due, done, or a promise. */
export function nextStepLine(c: Contact): string {
  if (!c.nextStep) return 'no agreed next step';
  const state = c.nextStepDoneAt
    ? `done ${c.nextStepDoneAt.slice(0, 10)}`
    : [
        c.nextStepPromiseId ? `promise #${c.nextStepPromiseId}` : null,
        c.nextStepDueOn ? `due ${c.nextStepDueOn}` : null,
      ]
        .filter(Boolean)
        .join(', ');
  return state ? `${c.nextStep} (${state})` : c.nextStep;
}

export function contactCard(c: Contact, interactions: Interaction[]): string {
  const field = (label: string, value: string | null | undefined) =>
    value ? `  ${label.padEnd(14)} ${value}` : null;
  const lines = [
    `${c.displayName}  (#${c.id})${c.archivedAt ? '  [archived]' : ''}`,
    field('Title', [c.title, c.company].filter(Boolean).join(' at ')),
    field('E-mail', c.emails.map((e) => e.value).join(', ')),
    field('Phone', c.phones.map((p) => p.value).join(', ')),
    field('Links', c.links.map((l) => l.url).join(', ')),
    field('Location', [c.location, c.timeZone].filter(Boolean).join(' · ')),
    field('Tags', c.tags.join(', ')),
    '',
    'Follow-up context',
    field('Met', [c.metOn, c.metEventName ?? c.metWhere].filter(Boolean).join(' at ')),
    field('How', c.howMet),
    field('Discussed', c.discussed),
    field('Interests', c.interests),
    field('Next step', c.nextStep ? nextStepLine(c) : null),
    field('Channel', c.preferredChannel ? CHANNEL_LABELS[c.preferredChannel] : null),
    field('Notes', c.notes),
    '',
    `Timeline (${interactions.length})`,
    ...interactions.map(
      (i) =>
        `  ${i.occurredAt.slice(0, 16).replace('T', ' ')}  ${CHANNEL_LABELS[i.channel]} · ${DIRECTION_LABELS[i.direction]}: ${i.summary}${i.outcome ? ` → ${i.outcome}` : ''}`,
    ),
  ];
  return lines.filter((l) => l !== null).join('\n');
}

export function eventRows(events: NetworkEvent[]): string {
  if (events.length === 0) return 'No events yet.';
  return table(
    ['ID', 'DATE', 'NAME', 'LOCATION', 'CONTACTS'],
    events.map((e) => [String(e.id), e.date, e.name, e.location ?? '', String(e.contactCount)]),
  );
}

export function followUpRows(list: readonly Read<FollowUp>[]): string {
  if (list.length === 0) return 'No follow-ups.';
  return table(
    ['ID', 'DUE', 'WHO', 'PURPOSE', 'STATUS', 'WHY'],
    list.map((f) => [String(f.id), f.dueOn, f.contactName, f.purpose.replace('_', ' '), f.status, f.reason]),
  );
}

export function todayText(t: Read<TodayView>): string {
  const section = (title: string, items: Read<TodayItem>[], total = items.length) =>
    items.length
      ? [
          `${title} (${total})`,
          ...items.map(
            (i) =>
              `  #${i.id}  ${i.contactName}: ${i.purpose.replace('_', ' ')}. ${i.reason}${i.context ? `\n        ${i.context}` : ''}`,
          ),
          ...(total > items.length ? [`  … and ${total - items.length} more`] : []),
        ]
      : [];
  const waiting = t.waiting.map((i) => `  #${i.id}  ${i.contactName}: ${i.purpose.replace('_', ' ')}`);
  const lines = [
    `Today, ${t.today}: ${t.stats.doneThisWeek} done this week${t.stats.streakDays ? `, ${t.stats.streakDays}-day streak` : ''}.`,
    ...(t.counts.due > 0 || t.counts.doneToday > 0 ? [dueCountsText(t.counts)] : []),
    ...section('Overdue', t.overdue),
    ...section('Due today', t.dueToday),
    // Waiting is a compact list: who and why, the first few, then how many more.
    ...(t.counts.waiting > 0
      ? [
          `Waiting, over the daily budget (${t.counts.waiting})`,
          ...waiting,
          ...(t.counts.waiting > waiting.length
            ? [
                `  … and ${t.counts.waiting - waiting.length} more (\`followups catch-up --preview\` spreads them)`,
              ]
            : []),
        ]
      : []),
    ...section('Next days', t.upcoming),
    ...(t.metNotFollowedUp.length
      ? [
          'Met but not followed up',
          ...t.metNotFollowedUp.map(
            (m) => `  ${m.contactName} (met ${m.metOn}${m.metWhere ? ` at ${m.metWhere}` : ''})`,
          ),
        ]
      : []),
    ...(t.goingCold.length
      ? [
          `Going cold (${t.counts.goingCold})`,
          ...t.goingCold.map((g) => `  ${g.contactName}: ${g.days} days past their check-in`),
          ...(t.counts.goingCold > t.goingCold.length
            ? [`  … and ${t.counts.goingCold - t.goingCold.length} more`]
            : []),
        ]
      : []),
    ...(t.promises.mine.length
      ? ['I promised', ...t.promises.mine.map((p) => `  ${p.contactName}: ${p.text} (due ${p.dueOn})`)]
      : []),
    ...(t.promises.theirs.length
      ? ['They promised', ...t.promises.theirs.map((p) => `  ${p.contactName}: ${p.text} (due ${p.dueOn})`)]
      : []),
  ];
  return lines.length === 1
    ? `${lines[0]}\nNothing due. Capture someone you met and their refresher appears here.`
    : lines.join('\n');
}

const purposeWords = (purpose: string) => purpose.replace('_', ' ');

export function catchUpText(plan: CatchUpPlan, preview: boolean): string {
  if (plan.moved === 0) return 'Nothing to catch up on: what is due fits in today’s budget.';
  const head = preview
    ? `Catching up would move ${plan.moved} follow-up${plan.moved === 1 ? '' : 's'} (${plan.unchanged} stay today):`
    : `Moved ${plan.moved} follow-up${plan.moved === 1 ? '' : 's'} (${plan.unchanged} stay today):`;
  const rows = table(
    ['DAY', 'ADDED', 'ALREADY THERE'],
    plan.days.map((d) => [d.day, String(d.added), String(d.already)]),
  );
  const tail = [
    plan.unplaced > 0 ? `${plan.unplaced} found no room within a year and stay where they are.` : null,
    preview ? 'Run without --preview to do it.' : null,
  ].filter(Boolean);
  return [head, rows, ...tail].join('\n');
}

export function bulkText(preview: BulkPreview, action: 'skip' | 'end'): string {
  if (preview.count === 0) return 'Nothing matches.';
  return [
    `Would ${action} ${preview.count} follow-up${preview.count === 1 ? '' : 's'}: ${preview.byPurpose
      .map((p) => `${p.count} ${purposeWords(p.purpose)}`)
      .join(', ')}.`,
    'The least important of them:',
    ...preview.sample.map((s) => `  #${s.id}  ${s.contactName}: ${purposeWords(s.purpose)}, due ${s.dueOn}`),
    'Run without --preview to do it.',
  ].join('\n');
}
