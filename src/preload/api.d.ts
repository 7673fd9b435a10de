// Lets the renderer's TypeScript project (tsconfig.web.json) see window.followthrough: the
// declaration itself lives with the contract in src/shared/api/bridge.ts.
import type {} from '../shared/api/bridge.ts';
