import { createRequire } from 'node:module';
import type Libmime from 'libmime';

const require = createRequire(import.meta.url);
let loaded: typeof Libmime | undefined;

/**
 * libmime, loaded at the first header decoded rather than when a shell starts: with its charset
 * tables it costs about 12 MB of memory, and every CLI run (an import preview measured against
 * its file's size, `today`, `draft`) loaded it for nothing. It is CommonJS, so `require` gives
 * it synchronously and the decoders stay synchronous.
 */
export function mime(): typeof Libmime {
  loaded ??= require('libmime') as typeof Libmime;
  return loaded;
}
