#!/usr/bin/env node
// The `followthrough` command (npm run cli -- …). Runs from source under Node 24's type stripping.
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2));
