// `npm start`: build main, preload and renderer, then open the desktop window. Runs under Node's
// type stripping (erasable syntax only). The Electron binary is downloaded lazily from GitHub;
// where that is impossible, this explains how to use the browser shell instead of failing
// with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { V8_FLAGS } from '../src/main/cli/node-flags.ts';
import {
  electronEnv,
  firstMeaningfulLine,
  isNetworkFailure,
  locateElectronRuntime,
  type RuntimeStatus,
  runtimeUnavailableMessage,
} from '../src/main/electron/electron-runtime.ts';

const projectDir = dirname(dirname(fileURLToPath(import.meta.url)));
const electronDir = join(projectDir, 'node_modules', 'electron');
// Without network the download fails within a second (DNS) or ~10 s (connect timeout); two
// minutes still lets the ~100 MB archive arrive over an ordinary connection.
const INSTALL_TIMEOUT_MS = 120_000;

function build(): number {
  // The local electron-vite, run by this same Node (24, from the `node` devDependency).
  const bin = join(projectDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: projectDir, stdio: 'inherit' });
  return result.status ?? 1;
}

/** One attempt to fetch the binary; its output is kept quiet and only summarised on failure. */
function tryInstall(): { network: boolean; reason: string | null } {
  console.log('The Electron desktop runtime is not installed yet; trying to download it…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: projectDir,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const timedOut = result.error !== undefined || result.signal !== null;
  return { network: isNetworkFailure(output, timedOut), reason: firstMeaningfulLine(output) };
}

function launch(binary: string): void {
  // The main process's V8 takes the CLI's memory flags this way (see src/main/cli/node-flags.ts).
  const child = spawn(binary, [`--js-flags=${V8_FLAGS.join(' ')}`, projectDir], {
    cwd: projectDir,
    stdio: 'inherit',
    env: electronEnv(process.env),
  });
  // Ctrl+C in the terminal should close the app, not orphan it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`Could not start Electron (${binary}): ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const built = build();
if (built !== 0) {
  console.error('\nThe build failed (see above), so nothing was started.');
  process.exit(built);
}

let runtime: RuntimeStatus = locateElectronRuntime(electronDir);
let failure: { network: boolean; reason: string | null } = { network: false, reason: null };
if (!runtime.available) {
  failure = tryInstall();
  runtime = locateElectronRuntime(electronDir);
}
if (runtime.available) {
  launch(runtime.binary);
} else {
  console.error(`\n${runtimeUnavailableMessage(failure.network, failure.reason)}\n`);
  process.exit(1);
}
