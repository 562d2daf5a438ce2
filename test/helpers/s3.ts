/**
 * A local S3-compatible server for tests (s3rver, on 127.0.0.1, files in a temp folder), and the
 * environment that points the server's S3 backend at it.
 *
 * The S3 pass (`npm run test:s3`): scripts/test.ts starts one shared s3rver and hands its endpoint to every
 * test file as TEST_S3_ENDPOINT with TEST_ARTIFACT_BACKEND=s3; `storeEnv` then gives each app (in-process,
 * child server or CLI) the bucket under a prefix of its own instead of a local folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type S3rver from 's3rver';

export const TEST_BUCKET = 'traq-test';

export interface LocalS3 {
  endpoint: string;
  /** TRAQ_ARTIFACT_BACKEND=s3 settings for loadConfig (a prefix keeps each user's objects apart). */
  env(prefix: string): Record<string, string>;
}

/** The backend settings for `endpoint` under `prefix` (s3rver's fixed test credentials). */
export function s3Env(endpoint: string, prefix: string): Record<string, string> {
  return {
    TRAQ_ARTIFACT_BACKEND: 's3',
    TRAQ_S3_BUCKET: TEST_BUCKET,
    TRAQ_S3_PREFIX: prefix,
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
}

export interface S3rverProcess {
  endpoint: string;
  port: number;
  /** Stops answering (connections refused) but keeps the objects: `start` brings the same bucket back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes the objects. */
  close(): Promise<void>;
}

interface FilesystemStore {
  getResourcePath(bucket: string, key: string, type: string): string;
  deleteObject(bucket: string, key: string): Promise<void>;
}

/**
 * s3rver 3.7 removes a deleted key's emptied parent folders, racing a concurrent PUT into the same folder
 * (its mkdir, then its open fails with ENOENT on a write stream nobody listens to, and the whole process
 * dies). A delete here removes only the object's own files; listings skip folders, so nothing else changes.
 */
function keepFolders(server: S3rver): S3rver {
  const store = (server as unknown as { store: FilesystemStore }).store;
  store.deleteObject = async (bucket, key) => {
    await Promise.all(
      ['object', 'object.md5', 'metadata.json'].map((type) =>
        fs.promises.unlink(store.getResourcePath(bucket, key, type)).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err;
        }),
      ),
    );
  };
  return server;
}

/** An s3rver on 127.0.0.1 (a free port, or `port`) keeping its objects in a fresh temp folder. */
export async function runS3rver(port = 0): Promise<S3rverProcess> {
  // Loaded here, not at the top: every test file imports this module, few start an s3rver (~0.3 s of CPU each).
  const { default: S3rver } = await import('s3rver');
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-s3-'));
  const make = (p: number) => keepFolders(new S3rver({ address: '127.0.0.1', port: p, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] }));
  let server: S3rver | undefined = make(port);
  const bound = (await server.run()).port;
  const stop = async () => {
    const s = server;
    server = undefined;
    await s?.close();
  };
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    port: bound,
    stop,
    start: async () => {
      if (server) return;
      server = make(bound);
      await server.run();
    },
    close: async () => {
      await stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function startLocalS3(t: { teardown(fn: () => unknown): void }): Promise<LocalS3 & { server: S3rverProcess }> {
  const server = await runS3rver();
  t.teardown(() => server.close());
  return { endpoint: server.endpoint, server, env: (prefix) => s3Env(server.endpoint, prefix) };
}

/** Which backend the test apps use: the S3 pass sets TEST_ARTIFACT_BACKEND=s3 (scripts/test.ts). */
export const testBackend = (): 'local' | 's3' => (process.env.TEST_ARTIFACT_BACKEND === 's3' ? 's3' : 'local');

/**
 * The environment that gives a process (the app in-process, a child server, the CLI in local mode) the
 * artifact store of the data folder `dataDir`: that folder's artifacts/ on local disk, or in the S3 pass
 * the shared bucket under a prefix named after the folder, so a restarted server finds the same objects.
 */
export function storeEnv(dataDir: string): Record<string, string> {
  const local = { TRAQ_DATA_DIR: dataDir, TRAQ_STORAGE_ROOT: path.join(dataDir, 'artifacts') };
  if (testBackend() === 'local') return local;
  const endpoint = process.env.TEST_S3_ENDPOINT;
  if (!endpoint) throw new Error('TEST_ARTIFACT_BACKEND=s3 needs TEST_S3_ENDPOINT (run the tests through scripts/test.ts)');
  const tag = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 10);
  return { ...local, ...s3Env(endpoint, `apps/${path.basename(dataDir)}-${tag}`) };
}
