/** traq-admin as a child process against a test app, in local mode (its database and store) or remote mode. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { TEST_ADMIN_KEY, type TestApp } from './app.js';

export const REPO = process.cwd();
/** The compiled CLI, as operators run it (scripts/test.ts compiles src/ first when it changed). */
const MAIN = path.join(REPO, 'dist/cli.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

/** remote-env: remote mode configured only by TRAQ_ADMIN_HOST / TRAQ_API_KEY (and a DATABASE_URL that would fail). */
export type Mode = 'local' | 'remote' | 'remote-env';

/** `env` is applied last: a value replaces, undefined removes (e.g. DATABASE_URL, for the embedded default). */
export function cli(app: TestApp, mode: Mode, args: string[], options: { cwd?: string; launcher?: boolean; key?: string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DATABASE_URL|TRAQ_|AWS_)/.test(k)) delete env[k];
  if (mode === 'local') Object.assign(env, { DATABASE_URL: app.databaseUrl, ...app.storeEnv });
  if (mode === 'remote-env') Object.assign(env, { TRAQ_ADMIN_HOST: app.url, TRAQ_API_KEY: TEST_ADMIN_KEY, DATABASE_URL: 'postgres://127.0.0.1:1/none' });
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const modeArgs = mode === 'remote' ? ['--host', app.url, '--api-key', options.key ?? TEST_ADMIN_KEY] : [];
  const entry = [options.launcher ? path.join(REPO, 'bin/traq-admin.mjs') : MAIN];
  return new Promise((resolve) => {
    execFile(process.execPath, [...entry, ...modeArgs, ...args], { cwd: options.cwd ?? REPO, env }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr, json });
    });
  });
}
