import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { openArtifactStore } from '../../src/artifacts/open.js';
import type { ArtifactStore } from '../../src/artifacts/store.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Pool } from '../../src/db/pool.js';
import { loadTraqTemplate } from '../../src/documents/traq-template.js';
import { createApp, type AppDeps } from '../../src/http/app.js';
import { startProcessing, type Processing } from '../../src/processing/runtime.js';
import { createProviders, letterPolisher } from '../../src/providers/index.js';
import { freshDatabase } from './db.js';
import { storeEnv } from './s3.js';

interface Tap {
  teardown(fn: () => unknown): void;
}

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface TestApp {
  url: string;
  /** Connection string of this app's database as the runtime role (for child processes such as the CLI in local mode). */
  databaseUrl: string;
  /** The app's own pool: the runtime role, which may not do everything (test/schema.test.ts). */
  pool: Pool;
  /** The owner of the schema, for setup and inspection the application itself is not allowed. */
  ownerPool: Pool;
  /** The app's artifact store: a local folder, or in the S3 pass (TEST_ARTIFACT_BACKEND=s3) the shared bucket. */
  store: ArtifactStore;
  /** The environment that opens this same store in another process (the CLI in local mode, a child server). */
  storeEnv: Record<string, string>;
  config: Config;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  request<T = any>(method: string, path: string, options?: { body?: unknown; raw?: BodyInit; headers?: Record<string, string>; key?: string | null }): Promise<Reply<T>>;
  /** The app's round notifications (its LISTEN connection). */
  events: Processing['events'];
  /** Shorthand for requests with the admin key. */
  admin<T = any>(method: string, path: string, body?: unknown): Promise<Reply<T>>;
}

/**
 * The real app on a free port, on a fresh database (or the one given) and a temp artifact store: a folder
 * on local disk, or in the S3 pass a prefix of its own in the shared bucket (helpers/s3.ts).
 */
export async function startTestApp(
  t: Tap,
  env: Record<string, string> = {},
  extra: Pick<AppDeps, 'polish'> & { database?: { url: string; pool: Pool; ownerPool?: Pool } } = {},
): Promise<TestApp> {
  const { database, ...appExtra } = extra;
  const db = database ?? (await freshDatabase(t));
  const { pool, url: databaseUrl } = db;
  // A database the caller made itself may have only one role: then that pool serves as the owner's too.
  const ownerPool = db.ownerPool ?? pool;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-test-'));
  const ownStore = { ...storeEnv(dir), ...env };
  const config = loadConfig({ TRAQ_ENV: 'test', TRAQ_API_KEY: TEST_ADMIN_KEY, LOG_LEVEL: 'info', ...ownStore });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const logger = pino({ level: config.logLevel }, sink);
  const store = await openArtifactStore(config);
  const processing = await startProcessing({ config, connectionString: databaseUrl, pool, store, logger, withWorker: config.inProcessWorker });
  t.teardown(() => processing.stop());
  const traqTemplate = await loadTraqTemplate({ templatePdf: config.traqTemplatePdf, fieldMap: config.traqFieldMap });
  const app = createApp({ config, pool, store, logger, adminKey: TEST_ADMIN_KEY, version: 'test', events: processing.events, traqTemplate, polish: letterPolisher(createProviders(config.openai)), ...appExtra });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  t.teardown(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request: TestApp['request'] = async (method, p, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.key !== null && options.key !== undefined) headers['x-api-key'] = options.key;
    let body: BodyInit | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + p, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as any, headers: res.headers, text };
  };
  return {
    url,
    databaseUrl,
    pool,
    ownerPool,
    store,
    storeEnv: Object.fromEntries(Object.entries(ownStore).filter(([k]) => /^(TRAQ_(DATA_DIR|STORAGE_ROOT|ARTIFACT_BACKEND|S3_|GCS_)|AWS_)/.test(k))),
    config,
    logs,
    events: processing.events,
    request,
    admin: (method, p, body) => request(method, p, { body, key: TEST_ADMIN_KEY }),
  };
}
