import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.ts';
import { unwrap } from '../../shared/api/errors.ts';
import { fixedClock, movableClock, systemClock } from '../app/clock.ts';
import { type AppContext, openAppContext } from '../app/context.ts';
import { resolvePaths } from '../app/paths.ts';
import { openFileSettings } from '../settings/file-settings.ts';

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
        settings: openFileSettings(paths.dataDir),
        ...(testClock
          ? { testClock: movableClock(start) }
          : { clock: this.options.now ? fixedClock(this.options.now) : systemClock }),
      });
    }
    return this.context;
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    return unwrap(await this.open().dispatch(method, input)) as MethodOutput<M>;
  }

  close(): void {
    this.context?.close();
    this.context = undefined;
  }
}
