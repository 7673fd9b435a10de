/**
 * Long writes (an import of 50,000 rows) run in one SQLite transaction but yield to the event
 * loop between chunks, so progress reaches the window and the app stays alive. While one runs,
 * every other API call waits at the gate: a call served between two chunks would otherwise
 * join the import's transaction and be rolled back with it if the import failed.
 */
export interface WriteGate {
  /** Resolves once no exclusive section is running. */
  idle(): Promise<void>;
  /** Runs fn alone; queued behind any section already running. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  readonly busy: boolean;
}

export function createWriteGate(): WriteGate {
  let tail: Promise<unknown> = Promise.resolve();
  let running = 0;
  return {
    async idle() {
      while (running > 0) await tail.catch(() => undefined);
    },
    exclusive(fn) {
      running += 1;
      const result = tail.catch(() => undefined).then(fn);
      // The caller handles the result's failure; the queue only needs to know it settled.
      tail = result
        .catch(() => undefined)
        .finally(() => {
          running -= 1;
        });
      return result;
    },
    get busy() {
      return running > 0;
    },
  };
}
