#!/usr/bin/env node
// Launcher for `traq-admin` (package.json "bin"): runs the TypeScript entry through tsx, in this process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
