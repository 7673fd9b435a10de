// Runs the date-sensitive tests once per time zone, on both sides of the date line and of the
// equator (DST in opposite seasons), as the style guide asks. Part of `npm test`.
import { spawnSync } from 'node:child_process';
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

for (const tz of ZONES) {
  process.stdout.write(`\n— TZ=${tz}\n`);
  const run = spawnSync(process.execPath, [vitest, 'run', ...SUITES], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  if (run.status !== 0) {
    process.stderr.write(`Date tests failed under TZ=${tz}.\n`);
    process.exit(run.status ?? 1);
  }
}
