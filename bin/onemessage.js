#!/usr/bin/env node
// The executable: hand argv to the built CLI and exit with its code.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
