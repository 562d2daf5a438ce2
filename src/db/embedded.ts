import path from 'node:path';
import pg from 'pg';
import { startCluster, type Cluster } from './cluster.js';

export const EMBEDDED_DATABASE = 'traq';

/** Creates `name` on the cluster behind `adminUrl` unless it exists (identifiers cannot be query parameters). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created meanwhile by a concurrent starter
      });
    }
  } finally {
    await client.end();
  }
}

/** The development database: a persistent embedded cluster under <dataDir>/pg with a `traq` database. */
export async function startEmbeddedDatabase(dataDir: string, port: number, log: (line: string) => void): Promise<{ cluster: Cluster; url: string }> {
  const cluster = await startCluster({ dataDir: path.join(dataDir, 'pg'), port, log });
  await ensureDatabase(cluster.url('postgres'), EMBEDDED_DATABASE);
  return { cluster, url: cluster.url(EMBEDDED_DATABASE) };
}
