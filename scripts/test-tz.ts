// Runs the date-sensitive tests once per time zone, on both sides of the date line and of the
// equator (DST in opposite seasons), as the style guide asks. Part of `npm test`.
// The zones run side by side, one vitest worker each (one per core): each run is small and a
// quarter of it is loading modules, so one zone alone left a core idle. Each zone's output is
// printed whole when it ends, so the logs of two zones never interleave.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];
const SUITES = [
  'tests/unit/tz',
  'tests/integration/contacts.test.ts',
  'tests/integration/followups/playbooks.test.ts',
  'tests/integration/insights/forecast.test.ts',
  'tests/integration/insights/follow-through.test.ts',
  'tests/integration/insights/measures.test.ts',
  'tests/integration/insights/replies-and-promises.test.ts',
  'tests/integration/insights/migration-016.test.ts',
  'tests/unit/compose/check-timing.test.ts',
  'tests/unit/compose/slots.test.ts',
  'tests/unit/compose/facts.test.ts',
  'tests/integration/compose/compose-handlers.test.ts',
  'tests/unit/mail/mbox-envelope.test.ts',
  'tests/integration/mail/mbox-takeout.test.ts',
];
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

function runZone(tz: string): Promise<{ tz: string; status: number; output: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const run = spawn(process.execPath, [vitest, 'run', '--maxWorkers=1', ...SUITES], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: tz },
    });
    run.stdout.on('data', (c: Buffer) => chunks.push(c));
    run.stderr.on('data', (c: Buffer) => chunks.push(c));
    run.on('close', (code) => resolve({ tz, status: code ?? 1, output: Buffer.concat(chunks).toString() }));
  });
}

const waiting = [...ZONES];
const failed: string[] = [];
async function lane(): Promise<void> {
  for (let tz = waiting.shift(); tz !== undefined; tz = waiting.shift()) {
    const result = await runZone(tz);
    process.stdout.write(`\n— TZ=${result.tz}\n${result.output}`);
    if (result.status !== 0) failed.push(result.tz);
  }
}
await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), ZONES.length)) }, lane));
if (failed.length > 0) {
  process.stderr.write(`Date tests failed under TZ=${failed.join(', ')}.\n`);
  process.exit(1);
}
