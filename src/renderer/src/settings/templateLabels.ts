import { CHANNEL_LABELS } from '../../../shared/domain/channels.ts';
import type { ComposeChannel, ComposeTemplate, TemplateProblem } from '../../../shared/domain/compose.ts';
import type { Purpose } from '../../../shared/domain/followup.ts';
import { purposeLabel } from '../followups/purposes.ts';

/*
 * The renderer takes no runtime value from the zod modules (compose.ts, followup.ts), so the
 * orders are written here as records: a purpose or channel added to the contract fails to type
 * until it has its place.
 */
const CHANNEL_RANK: Record<ComposeChannel, number> = {
  email: 0,
  linkedin: 1,
  text: 2,
  call: 3,
  handwritten_note: 4,
};
const PURPOSE_RANK: Record<Purpose, number> = {
  refresher: 0,
  second: 1,
  confirmation: 2,
  thank_you: 3,
  check_in: 4,
  reengage: 5,
  long_term: 6,
  promise_mine: 7,
  promise_theirs: 8,
  manual: 9,
};

const byRank = <K extends string>(rank: Record<K, number>) =>
  (Object.keys(rank) as K[]).sort((a, b) => rank[a] - rank[b]);

export const TEMPLATE_CHANNELS: readonly ComposeChannel[] = byRank(CHANNEL_RANK);
export const TEMPLATE_PURPOSES: readonly Purpose[] = byRank(PURPOSE_RANK);

/** "Call" alone reads as if the app would dial; the template is what to say. */
export function templateChannelLabel(channel: ComposeChannel): string {
  return channel === 'call' ? 'Call talking points' : CHANNEL_LABELS[channel];
}

export interface TemplateGroup {
  key: string;
  purpose: Purpose;
  channel: ComposeChannel;
  /** "Refresher · Email" */
  title: string;
  templates: ComposeTemplate[];
}

/** Templates in groups of one purpose × channel, in the app's order; each group keeps the list's order. */
export function groupTemplates(templates: readonly ComposeTemplate[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const t of templates) {
    const key = `${t.purpose}/${t.channel}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        purpose: t.purpose,
        channel: t.channel,
        title: `${purposeLabel(t.purpose)} · ${templateChannelLabel(t.channel)}`,
        templates: [],
      };
      groups.set(key, group);
    }
    group.templates.push(t);
  }
  return [...groups.values()].sort(
    (a, b) =>
      PURPOSE_RANK[a.purpose] - PURPOSE_RANK[b.purpose] || CHANNEL_RANK[a.channel] - CHANNEL_RANK[b.channel],
  );
}

/** "Line 3: unknown placeholder {{frist_name}}", "Subject: …" (the subject is one line). */
export function problemText(problem: TemplateProblem): string {
  const where = problem.part === 'subject' ? 'Subject' : `Line ${problem.line}`;
  return `${where}: ${problem.message}`;
}

/**
 * Built-in names carry their group ("Refresher · E-mail · Warm"); under the group's heading the
 * variant's own word is enough. A user's name is shown as they wrote it.
 */
export function templateDisplayName(template: ComposeTemplate): string {
  if (!template.builtIn) return template.name;
  return template.name.split(' · ').at(-1)?.trim() || template.name;
}
