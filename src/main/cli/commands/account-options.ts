import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import type { CredentialSource } from '../../../shared/domain/mail.ts';

/** What --password-command / --password-env leave on the parsed options. */
export interface CredentialOptions {
  passwordCommand?: string;
  passwordEnv?: string;
}

/**
 * The two ways an account's password is given: mail and sync accounts share them, so a script
 * learns one pair of flags. `example` is the password-manager entry shown in the help.
 */
export function credentialOptions(command: Command, example?: string): Command {
  return command
    .option(
      '--password-command <cmd>',
      example === undefined
        ? 'prints the password on its first line'
        : `prints the password on its first line, e.g. "${example}"`,
    )
    .option('--password-env <var>', 'an environment variable holding the password');
}

/** Exactly one source: two would leave it unclear which the app reads, none would store nothing. */
export function credentialFrom(o: CredentialOptions): CredentialSource {
  if ((o.passwordCommand === undefined) === (o.passwordEnv === undefined))
    throw usage('give exactly one of --password-command and --password-env');
  return o.passwordCommand !== undefined
    ? { kind: 'command', command: o.passwordCommand }
    : { kind: 'env', variable: o.passwordEnv ?? '' };
}

/** Where an account's password comes from, in words (never the password itself). */
export function describeCredential(c: CredentialSource): string {
  if (c.kind === 'command') return `command: ${c.command}`;
  if (c.kind === 'env') return `$${c.variable}`;
  return 'desktop app (encrypted)';
}

/** The LAST SYNC cell of an accounts table: the last error wins over the last time. */
export function lastSyncCell(a: { lastError: string | null; lastSyncAt: string | null }): string {
  return a.lastError ? `failed: ${a.lastError}` : (a.lastSyncAt?.slice(0, 16).replace('T', ' ') ?? 'never');
}

/** --preset <id> looked up in `presets`; an unknown id is refused with the ones there are. */
export function presetFrom<P extends { id: string }>(
  presets: readonly P[],
  id: string | undefined,
): P | undefined {
  if (id === undefined) return undefined;
  const preset = presets.find((p) => p.id === id);
  if (!preset) throw usage(`unknown preset ${id} (there are: ${presetIds(presets)})`);
  return preset;
}

export const presetIds = (presets: readonly { id: string }[]): string => presets.map((p) => p.id).join(', ');

export const usage = (message: string) => new ApiError('invalid_input', message);
