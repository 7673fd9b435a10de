// A second writer process for the concurrency tests: runs the real CLI entry (runCli, the code
// behind `npm run cli`) many times in one process, each run opening and closing the database as
// a separate `followthrough` invocation would, without paying a Node start-up per write.
import { runCli } from '../../src/main/cli/program.ts';

const [db, countText, contactId] = process.argv.slice(2);
const count = Number(countText);
const failures: number[] = [];
for (let i = 0; i < count; i++) {
  const code = await runCli([
    '--db',
    String(db),
    '--json',
    'interactions',
    'add',
    String(contactId),
    '--summary',
    `cli ${i}`,
  ]);
  if (code !== 0) failures.push(i);
}
process.stdout.write(`\nRESULT ${JSON.stringify({ failures })}\n`);
