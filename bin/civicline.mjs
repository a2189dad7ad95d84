#!/usr/bin/env node
// Operator command line. Runs the TypeScript sources directly through tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/cli/main.ts');
process.exitCode = await runCli(process.argv);
