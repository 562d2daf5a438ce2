/**
 * A local S3-compatible server for tests (s3rver, on 127.0.0.1, files in a temp folder), and the
 * environment that points the server's S3 backend at it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export const TEST_BUCKET = 'traq-test';

export interface LocalS3 {
  endpoint: string;
  /** TRAQ_ARTIFACT_BACKEND=s3 settings for loadConfig (a prefix keeps each user's objects apart). */
  env(prefix: string): Record<string, string>;
}

export async function startLocalS3(t: { teardown(fn: () => unknown): void }): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = await server.run();
  t.teardown(async () => {
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    env: (prefix) => ({
      TRAQ_ARTIFACT_BACKEND: 's3',
      TRAQ_S3_BUCKET: TEST_BUCKET,
      TRAQ_S3_PREFIX: prefix,
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: 'us-east-1',
      // s3rver's fixed test credentials.
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    }),
  };
}
