import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.ts';
import { unwrap } from '../../shared/api/errors.ts';
import type { DatedReading, Read } from '../../shared/format/dated-text.ts';
import { type AppContext, openAppContext } from '../app/context.ts';
import { resolvePaths } from '../app/paths.ts';
import { openFileSettings } from '../settings/file-settings.ts';
import { fixedClock, movableClock, systemClock } from '../time/clock.ts';
import { readingNow } from '../time/locale.ts';
import { readResult } from './dated-results.ts';

/** Options every command accepts (declared once on the root program). */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
  now?: string;
}

/**
 * One CLI invocation's view of the app: the same database and settings the desktop app uses
 * (unless --db), and every call goes through the same validated dispatcher.
 */
export class CliSession {
  readonly options: GlobalOptions;
  /**
   * Set by a command that printed its result but did not fully succeed (a sync pass with
   * errors): the exit code is 1. Kept here, not in process.exitCode, which index.ts overwrites
   * with runCli's answer.
   */
  failed = false;
  private context: AppContext | undefined;

  constructor(options: GlobalOptions) {
    this.options = options;
  }

  /**
   * `testClock` (serve --test-clock, for e2e tests) starts the clock at --now and lets the API
   * method testing.setNow move it; otherwise --now freezes time for one command.
   */
  open(shell: 'cli' | 'http' = 'cli', { testClock = false } = {}): AppContext {
    if (!this.context) {
      const paths = resolvePaths({ db: this.options.db });
      const start = this.options.now ? fixedClock(this.options.now)() : new Date();
      this.context = openAppContext({
        ...paths,
        shell,
        // A server's log keeps the stack for a bug report; a command's output stays readable.
        onInternalError: (method, error) =>
          shell === 'http'
            ? console.error(`[followthrough] ${method} failed:`, error)
            : reportInternal(method, error, this.options.json ?? false),
        settings: openFileSettings(paths.dataDir),
        ...(testClock
          ? { testClock: movableClock(start) }
          : { clock: this.options.now ? fixedClock(this.options.now) : systemClock }),
      });
    }
    return this.context;
  }

  /** A call's result, read: its days written in the system's locale (see dated-results.ts). */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Read<MethodOutput<M>>> {
    const value = unwrap(await this.open().dispatch(method, input)) as MethodOutput<M>;
    return readResult(method, value, this.reading());
  }

  /** How this command writes days: the system's locale, the user's zone and today. */
  reading(): DatedReading {
    const context = this.open();
    return readingNow(context.clock, context.settings.get());
  }

  close(): void {
    this.context?.close();
    this.context = undefined;
  }
}

/**
 * The CLI's users are people and scripts: one line, never a stack trace (and with --json
 * nothing but the JSON error on stderr). FOLLOWTHROUGH_DEBUG=1 shows the stack for a bug report.
 */
function reportInternal(method: string, error: unknown, json: boolean): void {
  if (process.env.FOLLOWTHROUGH_DEBUG) {
    console.error(`[followthrough] ${method} failed:`, error);
  } else if (!json) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `[followthrough] ${method} failed: ${message} (FOLLOWTHROUGH_DEBUG=1 shows details)\n`,
    );
  }
}
