import { spawnSync } from 'node:child_process';

/** Fails the test, saying what to install, when a third-party validator is missing. */
export function requireTool(command: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found) {
    throw new Error(
      `${command} is not installed: run \`apt-get install ${debianPackage}\` (CI installs it in .ci/run).`,
    );
  }
}
