// A JSON import works both under Node's type stripping (CLI, HTTP shell) and in the bundled
// Electron main, so every shell reports the same version.
import pkg from '../../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
