import { execFile } from 'node:child_process';
import { Console } from 'node:console';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { vi } from 'vitest';
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

/**
 * The same command as cli(), run by runCli() in the test's own process: a child costs ~1.4 s of
 * start-up on a 2-core machine, so tests about what a command does (its output, what it writes)
 * run here, and tests about the process (exit of a failing start, a password command's child,
 * concurrency, signals, serve) keep cli(). Calls run one at a time, so captures never mix.
 */
export function cliInProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = queue.then(() => runHere(args, env));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * The locale is read once per process (systemLocale() caches it, ICU's default is fixed at
 * start), so a command under another locale needs its own process. TZ is fine: Node re-reads
 * the zone for Date and Intl when process.env.TZ is assigned.
 */
const PER_PROCESS_ENV = /^(LANG|LANGUAGE|LC_[A-Z]+|NODE_OPTIONS)$/;
/** Options of the root program that take a value, skipped when finding the command's name. */
const GLOBAL_WITH_VALUE = new Set(['--db', '--now']);
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function runHere(args: string[], env: Record<string, string>): Promise<Run> {
  refuseWhatNeedsAProcess(args, env);
  // Loaded on first use (files that only spawn do not pay for it), outside the swapped env.
  const { runCli } = await import('../../src/main/cli/program.ts');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const restore = [
    swapEnv(env),
    capture(process.stdout, stdout),
    capture(process.stderr, stderr),
    notATerminal(process.stdin),
    swapConsole(stdout, stderr),
  ];
  const listeners = SIGNALS.map((s) => process.listeners(s));
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  const exit = process.exit;
  let exitCalled: number | string | null | undefined;
  process.exit = ((code?: number | string | null) => {
    exitCalled = code ?? 0;
    throw new Error(`process.exit(${exitCalled}) in-process`);
  }) as typeof process.exit;
  let code: number;
  let exitCodeSet: typeof process.exitCode;
  try {
    code = await runCli(args);
  } finally {
    process.exit = exit;
    exitCodeSet = process.exitCode;
    process.exitCode = exitCodeBefore;
    for (const undo of restore.reverse()) undo();
  }
  const added = SIGNALS.filter((s, i) => process.listenerCount(s) > (listeners[i]?.length ?? 0));
  for (const [i, signal] of SIGNALS.entries())
    for (const l of process.listeners(signal)) if (!listeners[i]?.includes(l)) process.off(signal, l);
  // Each would make the child behave otherwise than here: such a command must use cli().
  if (exitCalled !== undefined) throw refusal(args, `it called process.exit(${exitCalled})`);
  if (exitCodeSet !== undefined) throw refusal(args, `it set process.exitCode = ${exitCodeSet}`);
  if (added.length > 0) throw refusal(args, `it listened for ${added.join(', ')}`);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

function refuseWhatNeedsAProcess(args: string[], env: Record<string, string>): void {
  if (commandName(args) === 'serve') throw refusal(args, 'serve runs until a signal');
  const perProcess = Object.keys(env).filter((k) => PER_PROCESS_ENV.test(k) && env[k] !== process.env[k]);
  if (perProcess.length > 0) throw refusal(args, `${perProcess.join(', ')} is read once per process`);
  // The child has the real clock; a faked one here would move the command's time too.
  if (vi.isFakeTimers()) throw refusal(args, 'fake timers are installed');
}

function commandName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

const refusal = (args: string[], why: string) =>
  new Error(`cliInProcess(${JSON.stringify(args)}): ${why}; run it in a child with cli()`);

/** Applies env as the child's would be ({...process.env, ...env}) and puts back what was. */
function swapEnv(env: Record<string, string>): () => void {
  const before = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** The child's stdout and stderr are pipes: collected whole, and never a terminal. */
function capture(stream: NodeJS.WriteStream, into: string[]): () => void {
  const write = stream.write;
  stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    into.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8').toString()
        : Buffer.from(chunk).toString(),
    );
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  }) as typeof stream.write;
  const tty = notATerminal(stream);
  return () => {
    stream.write = write;
    tty();
  };
}

function notATerminal(stream: NodeJS.ReadStream | NodeJS.WriteStream): () => void {
  const own = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(stream, 'isTTY', own);
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

/** Vitest replaces console with its own, which does not write through process.stderr. */
function swapConsole(stdout: string[], stderr: string[]): () => void {
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        into.push(chunk.toString());
        done();
      },
    });
  const saved = globalThis.console;
  globalThis.console = new Console({ stdout: sink(stdout), stderr: sink(stderr), colorMode: false });
  return () => {
    globalThis.console = saved;
  };
}
