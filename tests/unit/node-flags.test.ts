import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, V8_FLAGS } from '../../src/main/cli/node-flags.ts';

const root = join(import.meta.dirname, '../..');
const scripts = new Map<string, string>(
  Object.entries(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts),
);

describe('the Node flags of the app’s processes', () => {
  it('are the ones `npm run cli` and `npm run serve` start Node with', () => {
    const node = `node ${NODE_FLAGS.join(' ')} src/main/cli/index.ts`;
    expect(scripts.get('cli')).toBe(node);
    expect(scripts.get('serve')).toContain(`${node} serve`);
  });

  it('hand Electron only what V8 takes', () => {
    expect(V8_FLAGS).toEqual(['--max-semi-space-size=16']);
    expect(readFileSync(join(root, 'scripts/start.ts'), 'utf8')).toContain('--js-flags=${V8_FLAGS');
  });
});
