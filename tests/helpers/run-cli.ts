import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { NODE_FLAGS } from '../../src/main/cli/node-flags.ts';

const CLI = join(import.meta.dirname, '../../src/main/cli/index.ts');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process (same Node as the tests), as a user or script would. */
export function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runScript(CLI, args, env);
}

/** Runs a TypeScript file of this repository in a child process with the tests' Node. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...NODE_FLAGS, script, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
