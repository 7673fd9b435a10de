#!/usr/bin/env node
// Installed as the `followthrough` command. Node >= 24 runs the TypeScript sources directly.
import '../src/main/cli/index.ts';
