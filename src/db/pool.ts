import pg from 'pg';
import type { Logger } from '../logger.js';
import { PreparedClient } from './prepared.js';

// int8 (counts, sizes, sequence values) as JS numbers: every value we store fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, max: number, logger?: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'traq-server', Client: PreparedClient });
  // Without a listener, an idle client dropped by the server (e.g. at shutdown) crashes the process.
  pool.on('error', (err) => logger?.warn({ err: err.message }, 'idle database client error'));
  return pool;
}
