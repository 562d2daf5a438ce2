/** traq-admin as a child process against a test app, in local mode (its database and store) or remote mode. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ADMIN_KEY, type TestApp } from './app.js';
import { childEnv, plainNode } from './child-env.js';
import { feedSettled } from './db.js';
import type { TestDevice } from './factories.js';
import { sampleJob } from './samples.js';

export const REPO = process.cwd();
/** The compiled CLI, as operators run it (scripts/test.ts compiles src/ first when it changed). */
const MAIN = path.join(REPO, 'dist/cli.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

/** A temp folder of the test's own, removed at teardown. */
export function tempDir(t: { teardown(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-cli-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** remote-env: remote mode configured only by TRAQ_ADMIN_HOST / TRAQ_API_KEY (and a DATABASE_URL that would fail). */
export type Mode = 'local' | 'remote' | 'remote-env';

/** `env` is applied last: a value replaces, undefined removes (e.g. DATABASE_URL, for the embedded default). */
export async function cli(app: TestApp, mode: Mode, args: string[], options: { cwd?: string; launcher?: boolean; key?: string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  await feedSettled(app.pool); // export and stage commands read the feed, which must see the test's writes
  const env = childEnv();
  if (mode === 'local') Object.assign(env, { DATABASE_URL: app.databaseUrl, ...app.storeEnv });
  if (mode === 'remote-env') Object.assign(env, { TRAQ_ADMIN_HOST: app.url, TRAQ_API_KEY: TEST_ADMIN_KEY, DATABASE_URL: 'postgres://127.0.0.1:1/none' });
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const modeArgs = mode === 'remote' ? ['--host', app.url, '--api-key', options.key ?? TEST_ADMIN_KEY] : [];
  const entry = [options.launcher ? path.join(REPO, 'bin/traq-admin.mjs') : MAIN];
  return new Promise((resolve) => {
    execFile(...plainNode([...entry, ...modeArgs, ...args]), { cwd: options.cwd ?? REPO, env }, (err, stdout, stderr) => {
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

/**
 * What the business flow of cli-ops.test.ts leaves, made through the admin API (in process, no CLI start):
 * per mode a customer "Acme <mode>", a job (J7001 job_cli_local, J7002 job_cli_remote) assigned to `dev`,
 * its round_1 and the sample final imported. Each step must answer 200.
 */
export async function operatorState(app: TestApp, dev: TestDevice, check: (status: number, what: string) => void) {
  const admin = async (method: string, p: string, body: unknown) => {
    const res = await app.admin(method, p, body);
    check(res.status, `${method} ${p}: ${res.text}`);
    return res.body;
  };
  const sample = sampleJob('J0001');
  for (const [mode, jobId, jobNumber] of [
    ['local', 'job_cli_local', 'J7001'],
    ['remote', 'job_cli_remote', 'J7002'],
  ] as const) {
    const { customer } = await admin('POST', '/v1/admin/customers', { name: `Acme ${mode}`, phone: '555-0100' });
    await admin('POST', '/v1/admin/jobs', { job_id: jobId, job_number: jobNumber, customer_id: customer.customer_code, job_name: 'Oak' });
    await admin('POST', `/v1/admin/jobs/${jobNumber}/assign`, { device_id: dev.deviceId });
    await admin('POST', `/v1/jobs/${jobId}/rounds`, {});
    await admin('POST', `/v1/admin/jobs/${jobId}/final/set-final`, { payload: { ...sample.final, job_id: jobId, job_number: jobNumber, round_id: 'round_1', report_images: [] } });
  }
}
