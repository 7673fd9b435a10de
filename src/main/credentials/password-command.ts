import { spawn } from 'node:child_process';

/** How long a password command may take (a keychain prompt the user must answer included). */
export const PASSWORD_COMMAND_TIMEOUT_MS = 10_000;

// Characters that only a shell gives a meaning to: a string with none of them is run directly.
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~=%{}!\n]/;

/**
 * Runs the user's password command (isync's PassCmd, aerc's source-cred-cmd) and takes the first
 * line it prints. A plain "pass show mail/work" runs without a shell; one that needs a shell
 * (pipes, quotes, variables) runs with `sh -c`, as aerc does. Output is never echoed in errors.
 */
export function runPasswordCommand(
  command: string,
  timeoutMs: number,
  fail: (why: string) => Error,
): Promise<string> {
  const words = command.trim().split(/\s+/);
  const [file, args] = SHELL_SYNTAX.test(command)
    ? ['sh', ['-c', command]]
    : [words[0] ?? '', words.slice(1)];
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      // A password is a line; a command that prints megabytes is not a password command.
      if (outBytes < 64 * 1024) out.push(chunk);
      outBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 16) err.push(chunk);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        fail(
          error.code === 'ENOENT'
            ? `could not be started (${file}: no such program)`
            : `could not be started (${error.code ?? error.message})`,
        ),
      );
    });
    child.once('close', (code, signal) => {
      if (signal === 'SIGKILL' && code === null) {
        reject(fail(`did not finish within ${Math.round(timeoutMs / 1000)} s`));
        return;
      }
      if (code !== 0) {
        // Its own complaint helps ("mail/work is not in the password store"); stdout may hold
        // a partial secret and is never shown.
        const said = Buffer.concat(err)
          .toString('utf8')
          .split(/\r?\n/)
          .find((l) => l.trim())
          ?.trim()
          .slice(0, 200);
        reject(fail(`failed (exit ${code ?? signal})${said ? `: ${said}` : ''}`));
        return;
      }
      const first = Buffer.concat(out).toString('utf8').split(/\r?\n/)[0] ?? '';
      if (!first) {
        reject(fail('printed nothing (it should print the password on its first line)'));
        return;
      }
      resolve(first);
    });
  });
}

/** Defence in depth: a server or library message that quotes the secret loses it here. */
export function withoutSecret(text: string, secret: string | null): string {
  if (!secret || secret.length < 3) return text;
  return text.split(secret).join('•••');
}
