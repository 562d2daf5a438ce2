#!/usr/bin/env node
// Launcher for `traq-admin` (package.json "bin"): runs the compiled CLI (dist/cli.js), recompiling
// src/ first when a source file changed since the last build (a stat walk of src/, a few milliseconds).
import { buildIfStale } from '../scripts/build.mjs';

await buildIfStale();
await import('../dist/cli.js');
