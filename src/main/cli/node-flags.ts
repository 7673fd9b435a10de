/**
 * The Node flags the app's Node processes run with: `npm run cli`, `npm run serve`, and the tests
 * and bench that start them (package.json repeats them; tests/unit/node-flags.test.ts keeps the
 * copies equal). The installed `followthrough` command runs without them: a shebang cannot carry
 * flags everywhere (Windows' npm shims, old `env`), and they tune memory, not behaviour.
 *
 * --max-semi-space-size=16 (MB): V8's default lets the young generation grow to 32 MB a
 * semi-space when allocation is fast, and a large import preview allocates fast (5 GB of
 * short-lived strings and objects for a 57 MB LinkedIn file). Whether it grows depends on when
 * the collector runs, so the same preview peaked at 300 MB or at 355 MB, run to run; capped at
 * 16 MB it peaks at ~272 MB every time, for about 5% more time. At 8 MB it was 262 MB but 25%
 * slower. Electron's main process takes the same flag through --js-flags (scripts/start.ts).
 */
export const NODE_FLAGS = ['--disable-warning=ExperimentalWarning', '--max-semi-space-size=16'] as const;

/** The V8 part alone, as Electron's --js-flags takes it. */
export const V8_FLAGS = NODE_FLAGS.filter((flag) => flag.startsWith('--max-'));
