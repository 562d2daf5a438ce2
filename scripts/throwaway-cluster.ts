import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster, type Cluster } from '../src/db/cluster.js';

/** A fast, disposable embedded cluster in the temp folder (tests, query generation). */
export async function throwawayCluster(): Promise<Cluster & { dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-pg-'));
  fs.chmodSync(dir, 0o755);
  const cluster = await startCluster({ dataDir: path.join(dir, 'data'), port: 0, fast: true });
  return {
    ...cluster,
    dispose: async () => {
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
