import type { Command } from 'commander';
import type { Channel, Direction } from '../../../shared/domain/interaction.ts';
import { printResult } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

export function registerInteractionCommands(program: Command, session: () => CliSession): void {
  const interactions = program
    .command('interactions')
    .description("log what happened on a contact's timeline");
  interactions
    .command('add')
    .description('log an interaction')
    .argument('<contactId>', 'contact id', positiveInt)
    .requiredOption('--summary <text>', 'what happened')
    .option(
      '--channel <channel>',
      'email, call, meeting, in_person, linkedin, text, handwritten_note, other',
      'email',
    )
    .option('--direction <direction>', 'outbound (I reached out) or inbound (they reached out)', 'outbound')
    .option('--outcome <text>')
    .option('--at <datetime>', 'when, ISO 8601 with offset (default: now)')
    .option('--next-step-done', "this also did the contact's agreed next step: mark it done")
    .action(
      async (
        contactId: number,
        o: {
          summary: string;
          channel: string;
          direction: string;
          outcome?: string;
          at?: string;
          nextStepDone?: boolean;
        },
      ) => {
        const s = session();
        const interaction = await s.call('interactions.add', {
          contactId,
          summary: o.summary,
          channel: o.channel as Channel,
          direction: o.direction as Direction,
          outcome: o.outcome,
          occurredAt: o.at,
          ...(o.nextStepDone ? { nextStepDone: true } : {}),
        });
        printResult(
          s.options.json,
          interaction,
          () => `Logged interaction #${interaction.id} on contact #${contactId}.`,
        );
      },
    );
}
